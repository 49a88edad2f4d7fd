package io.lakefan.config;

import java.util.List;

/**
 * One table of {@code config/table_name_list.json}, with defaults applied and validated by
 * {@link ConfigLoader}.
 *
 * @param name source table name, as in the database
 * @param lakeName name of the table in the lake (lower case, {@code [a-z0-9_]})
 * @param query the SQL to read; {@code SELECT * FROM `name`} when not configured
 * @param customQuery whether {@code query} was configured (a custom query is wrapped, never edited)
 * @param mode full or incremental
 * @param watermark the watermark column (incremental only), else null
 * @param primaryKey the key columns (latest views, splitting); may be empty
 * @param lookback re-read margin below the watermark: an ISO-8601 duration ({@code PT1H}) for temporal
 *                 watermarks or a number for numeric ones; null for none
 * @param validate whether finalize checks the row count
 * @param latestView whether finalize creates {@code <table>_latest}
 * @param latestViewPeriod null, or {@code month}/{@code quarter}/{@code year}: one latest view per period
 * @param maxRowsPerFile roll to a new file after this many rows
 * @param maxBytesPerFile roll to a new file after about this many bytes
 * @param booleans TINYINT(1) and BIT(1) as Parquet booleans
 * @param timestampPrecision timestamp precision in Parquet
 * @param splitColumn column to split the read on, or null
 * @param chunks number of chunks; 0 means automatic from {@code rowsPerChunk}; 1 means no split
 * @param rowsPerChunk target rows per chunk when {@code chunks} is automatic
 */
public record TableConfig(
        String name,
        String lakeName,
        String query,
        boolean customQuery,
        Mode mode,
        String watermark,
        List<String> primaryKey,
        String lookback,
        boolean validate,
        boolean latestView,
        String latestViewPeriod,
        long maxRowsPerFile,
        long maxBytesPerFile,
        boolean booleans,
        TimestampPrecision timestampPrecision,
        String splitColumn,
        int chunks,
        long rowsPerChunk) {

    public TableConfig {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("table name is required");
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    }

    /** Whether this table reads in several chunks. */
    public boolean isSplit() {
        return splitColumn != null && chunks != 1;
    }
}
