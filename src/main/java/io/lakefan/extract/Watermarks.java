package io.lakefan.extract;

import io.lakefan.config.TableConfig;
import io.lakefan.run.WatermarkState;
import io.lakefan.run.Window;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * Fixes the incremental window {@code (low, high]} when a table starts: {@code low} is the stored watermark
 * (minus the lookback), {@code high} the column's current maximum, so rows written during the read wait
 * for the next run instead of being half-read.
 */
final class Watermarks {
    private Watermarks() {
    }

    /** The window, or null for a full table. {@code high} is null when the source has no rows at all. */
    static Window window(Connection conn, TableConfig table, WatermarkState previous) throws SQLException {
        if (table.watermark() == null) return null;
        SourceQuery q = SourceQuery.of(table);
        String type;
        String high;
        try (PreparedStatement ps = conn.prepareStatement(q.maxSql(table.watermark()));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            type = SqlValues.typeOf(rs.getMetaData().getColumnType(1));
            high = SqlValues.read(rs, 1, type);
        }
        String low = previous == null || previous.value() == null ? null : previous.value();
        if (low != null && previous.type() != null && !previous.type().equals(type)) {
            throw new IllegalStateException("the watermark column " + table.watermark() + " of " + table.name()
                    + " changed type from " + previous.type() + " to " + type
                    + ": reset the table's state file or use a full load");
        }
        if (low != null && table.lookback() != null) low = minus(low, type, table.lookback(), table.name());
        return new Window(table.watermark(), type, low, high);
    }

    /** {@code low} moved down by the lookback: a duration for temporal watermarks, a number otherwise. */
    static String minus(String low, String type, String lookback, String table) {
        try {
            return switch (type) {
                case "datetime" -> LocalDateTime.parse(low).minus(Duration.parse(lookback)).toString();
                case "date" -> LocalDate.parse(low).minusDays(Math.max(1, Duration.parse(lookback).toDays())).toString();
                case "integer", "decimal" -> new BigDecimal(low).subtract(new BigDecimal(lookback)).toPlainString();
                default -> throw new IllegalArgumentException("a lookback needs a numeric or temporal watermark");
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("lookback '" + lookback + "' of table " + table + " does not fit its "
                    + type + " watermark: use an ISO-8601 duration such as PT1H for dates and times, a number for "
                    + "numeric columns", e);
        }
    }
}
