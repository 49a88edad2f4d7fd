package io.lakefan.extract;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Key and watermark values as text with a bind type ({@code integer}, {@code decimal}, {@code datetime},
 * {@code date}, {@code string}), so positions can be stored in the lake and in events and bound back exactly:
 * integers through BigDecimal (a BIGINT UNSIGNED never passes through a double), times as ISO local values.
 */
final class SqlValues {
    private SqlValues() {
    }

    static String typeOf(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.BIT -> "integer";
            case Types.DECIMAL, Types.NUMERIC, Types.FLOAT, Types.DOUBLE, Types.REAL -> "decimal";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "datetime";
            case Types.DATE -> "date";
            default -> "string";
        };
    }

    /** The value of column {@code index} of the current row as text, or null. */
    static String read(ResultSet rs, int index, String type) throws SQLException {
        Object v = switch (type) {
            case "integer", "decimal" -> rs.getBigDecimal(index);
            case "datetime" -> rs.getObject(index, LocalDateTime.class);
            case "date" -> rs.getObject(index, LocalDate.class);
            default -> rs.getString(index);
        };
        if (v instanceof BigDecimal d) return d.toPlainString();
        return v == null ? null : v.toString();
    }
}
