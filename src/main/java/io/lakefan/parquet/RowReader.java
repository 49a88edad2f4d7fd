package io.lakefan.parquet;

import io.lakefan.source.SourceException;
import org.apache.parquet.io.api.Binary;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns the current row of a {@link ResultSet} into Parquet-ready values, one per source column:
 * {@link Integer} (int32 and DATE days), {@link Long} (int64 and timestamps), {@link Boolean},
 * {@link Float}, {@link Double}, or a Parquet {@link Binary} (strings, bytes, decimals as fixed-length
 * two's complement); null for SQL NULL and for zero dates, which {@link #zeroDates()} counts.
 *
 * <p>Dates, timestamps and decimals are parsed from the raw text the server sends, which is exact,
 * skips {@code java.sql} objects and the JVM time zone, and sees zero dates. Strings in UTF-8 are taken
 * as the driver's bytes, never decoded and re-encoded. Not thread-safe; one reader per result set.
 */
public final class RowReader {
    private final ResultSet rs;
    private final String[] names;
    private final ColumnKind[] kinds;
    private final int[] precision;
    private final int[] scale;
    private final boolean[] micros;
    private final boolean[] utf8;
    private long zeroDates;

    private RowReader(RowSchema schema, ResultSet rs, boolean[] utf8) {
        this.rs = rs;
        List<Column> columns = schema.columns();
        int n = columns.size();
        names = new String[n];
        kinds = new ColumnKind[n];
        precision = new int[n];
        scale = new int[n];
        micros = new boolean[n];
        for (int i = 0; i < n; i++) {
            Column c = columns.get(i);
            names[i] = c.sourceName();
            kinds[i] = c.kind;
            precision[i] = c.precision;
            scale[i] = c.scale;
            micros[i] = c.micros;
        }
        this.utf8 = utf8;
    }

    /** A reader of {@code rs}, whose columns {@code schema} was made from. */
    public static RowReader of(RowSchema schema, ResultSet rs) {
        try {
            if (rs.getMetaData().getColumnCount() != schema.size()) {
                throw new IllegalArgumentException("the schema has " + schema.size() + " columns, the result set "
                        + rs.getMetaData().getColumnCount());
            }
            return new RowReader(schema, rs, utf8Columns(rs, schema.size()));
        } catch (SQLException e) {
            throw new SourceException("cannot read the result set's column metadata: " + e.getMessage(), e);
        }
    }

    /** Which columns arrive as UTF-8 bytes (usable without decoding); others go through {@code getString}. */
    private static boolean[] utf8Columns(ResultSet rs, int n) throws SQLException {
        boolean[] out = new boolean[n];
        com.mysql.cj.result.Field[] fields = null;
        try {
            if (rs.getMetaData().isWrapperFor(com.mysql.cj.jdbc.result.ResultSetMetaData.class)) {
                fields = rs.getMetaData().unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields();
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            // another driver: decode every string
        }
        for (int i = 0; i < n && fields != null; i++) {
            String enc = fields[i].getEncoding();
            out[i] = enc != null && (enc.equalsIgnoreCase("UTF-8") || enc.equalsIgnoreCase("UTF8"));
        }
        return out;
    }

    /** The current row's values, a new array each call (safe to hand to another thread). */
    public Object[] read() {
        Object[] row = new Object[kinds.length];
        int i = 0;
        try {
            for (; i < kinds.length; i++) row[i] = value(i, i + 1);
            return row;
        } catch (SQLException | RuntimeException e) {
            throw new SourceException("cannot read column '" + names[i] + "': " + e.getMessage(), e);
        }
    }

    /** Zero (or otherwise invalid) dates read so far, each written as null. */
    public long zeroDates() {
        return zeroDates;
    }

    private Object value(int i, int col) throws SQLException {
        switch (kinds[i]) {
            case INT8:
            case INT16:
            case INT32: {
                int v = rs.getInt(col);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case INT64: {
                long v = rs.getLong(col);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case BOOLEAN_INT: {
                long v = rs.getLong(col);
                return v == 0 && rs.wasNull() ? null : v != 0;
            }
            case FLOAT: {
                float v = rs.getFloat(col);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case DOUBLE: {
                double v = rs.getDouble(col);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case STRING:
                if (!utf8[i]) {
                    String s = rs.getString(col);
                    return s == null ? null : Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
                }
                break;
            default:
                break;
        }
        byte[] b = rs.getBytes(col);
        if (b == null) return null;
        switch (kinds[i]) {
            case STRING:
            case TIME_TEXT:
            case DECIMAL_TEXT:
            case BINARY:
                return Binary.fromConstantByteArray(b);
            case GEOMETRY:
                if (b.length < 4) throw new IllegalArgumentException("spatial value shorter than its SRID prefix");
                return Binary.fromConstantByteArray(b, 4, b.length - 4);
            case DECIMAL:
                return Binary.fromConstantByteArray(Decimals.fromText(b, precision[i], scale[i]));
            case UNSIGNED_BIGINT:
                return Binary.fromConstantByteArray(Decimals.unsigned64(Decimals.parseUnsigned(b)));
            case BITS_LONG:
                return bits(b);
            case BITS_DECIMAL:
                return Binary.fromConstantByteArray(Decimals.unsigned64(bits(b)));
            case BOOLEAN_BIT:
                return bits(b) != 0;
            case DATE: {
                long d = Temporal.epochDay(b);
                if (d == Temporal.INVALID) {
                    zeroDates++;
                    return null;
                }
                return (int) d;
            }
            case DATETIME:
            case TIMESTAMP: {
                long t = Temporal.epoch(b, micros[i]);
                if (t == Temporal.INVALID) {
                    zeroDates++;
                    return null;
                }
                return t;
            }
            default:
                throw new IllegalStateException("no reader for " + kinds[i]);
        }
    }

    private static long bits(byte[] b) {
        long v = 0;
        for (byte x : b) v = (v << 8) | (x & 0xFF);
        return v;
    }
}
