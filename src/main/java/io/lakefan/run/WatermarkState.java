package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * {@code _lakefan/state/<database>/<table>.json}: the table's watermark and last good run. Updated only
 * with If-Match on the version read at the table's start, so two runs can never both advance it.
 *
 * @param column the watermark column, null for full tables
 * @param type   how the value binds (see {@link Window})
 * @param value  the highest watermark value landed, null before the first incremental run
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WatermarkState(String table, String column, String type, String value, String lastRunId,
                             Instant lastSuccessAt, long lastRows) {
}
