package io.lakefan.parquet;

import io.lakefan.config.Names;
import io.lakefan.config.TimestampPrecision;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Maps one result-set column to a {@link Column}, from JDBC metadata plus what only mysql-connector-j's
 * field knows: the server's type id (TINYINT(1) is reported as BIT with {@code tinyInt1isBit=true}) and
 * the fractional-second digits (the driver reports scale 0 for DATETIME(6); its precision is 19 + 1 + digits).
 */
final class TypeMapper {
    /** MySQL protocol type id of TINYINT. */
    private static final int MYSQL_TINY = 1;

    private final boolean booleans;
    private final TimestampPrecision timestamps;

    TypeMapper(boolean booleans, TimestampPrecision timestamps) {
        this.booleans = booleans;
        this.timestamps = timestamps == null ? TimestampPrecision.AUTO : timestamps;
    }

    Column map(ResultSetMetaData md, int i) throws SQLException {
        String name = md.getColumnLabel(i);
        String typeName = md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
        boolean unsigned = typeName.endsWith(" UNSIGNED");
        String base = unsigned ? typeName.substring(0, typeName.length() - " UNSIGNED".length()) : typeName;
        int precision = md.getPrecision(i);
        int scale = md.getScale(i);
        boolean nullable = md.isNullable(i) != ResultSetMetaData.columnNoNulls;
        com.mysql.cj.result.Field field = field(md, i);
        String lake = Names.lake(name);
        String sourceType = typeName;

        switch (base) {
            case "BIT":
                if (field != null && field.getMysqlTypeId() == MYSQL_TINY) { // TINYINT(1), see tinyInt1isBit
                    sourceType = "TINYINT(1)" + (unsigned || field.isUnsigned() ? " UNSIGNED" : "");
                    if (booleans) return col(name, lake, sourceType, "boolean", nullable, ColumnKind.BOOLEAN_INT);
                    return field.isUnsigned()
                            ? col(name, lake, sourceType, "smallint", nullable, ColumnKind.INT16)
                            : col(name, lake, sourceType, "tinyint", nullable, ColumnKind.INT8);
                }
                sourceType = "BIT(" + precision + ")";
                if (precision == 1 && booleans) return col(name, lake, sourceType, "boolean", nullable, ColumnKind.BOOLEAN_BIT);
                if (precision < 64) return col(name, lake, sourceType, "bigint", nullable, ColumnKind.BITS_LONG);
                return decimal(name, lake, sourceType, nullable, ColumnKind.BITS_DECIMAL, 20, 0);
            case "TINYINT":
                return unsigned ? col(name, lake, typeName, "smallint", nullable, ColumnKind.INT16)
                        : col(name, lake, typeName, "tinyint", nullable, ColumnKind.INT8);
            case "SMALLINT":
                return unsigned ? col(name, lake, typeName, "int", nullable, ColumnKind.INT32)
                        : col(name, lake, typeName, "smallint", nullable, ColumnKind.INT16);
            case "MEDIUMINT":
            case "YEAR":
                return col(name, lake, typeName, "int", nullable, ColumnKind.INT32);
            case "INT":
            case "INTEGER":
                return unsigned ? col(name, lake, typeName, "bigint", nullable, ColumnKind.INT64)
                        : col(name, lake, typeName, "int", nullable, ColumnKind.INT32);
            case "BIGINT":
                return unsigned ? decimal(name, lake, typeName, nullable, ColumnKind.UNSIGNED_BIGINT, 20, 0)
                        : col(name, lake, typeName, "bigint", nullable, ColumnKind.INT64);
            case "DECIMAL":
            case "NUMERIC": {
                int p = Math.max(Math.max(precision, scale), 1);
                sourceType = base + "(" + p + "," + scale + ")" + (unsigned ? " UNSIGNED" : "");
                if (p > 38) return col(name, lake, sourceType, "string", nullable, ColumnKind.DECIMAL_TEXT);
                return decimal(name, lake, sourceType, nullable, ColumnKind.DECIMAL, p, scale);
            }
            case "FLOAT":
                return col(name, lake, typeName, "float", nullable, ColumnKind.FLOAT);
            case "DOUBLE":
            case "REAL":
                return col(name, lake, typeName, "double", nullable, ColumnKind.DOUBLE);
            case "DATE":
                return col(name, lake, typeName, "date", nullable, ColumnKind.DATE);
            case "DATETIME":
            case "TIMESTAMP": {
                int digits = field != null ? field.getDecimals() : Math.max(0, precision - 20);
                if (digits < 0 || digits > 6) digits = Math.max(0, precision - 20);
                boolean micros = timestamps == TimestampPrecision.MICROS
                        || (timestamps == TimestampPrecision.AUTO && digits > 3);
                sourceType = digits > 0 ? base + "(" + digits + ")" : base;
                ColumnKind kind = base.equals("DATETIME") ? ColumnKind.DATETIME : ColumnKind.TIMESTAMP;
                return new Column(name, lake, sourceType, "timestamp", nullable, kind, 0, 0, micros);
            }
            case "TIME":
                return col(name, lake, typeName, "string", nullable, ColumnKind.TIME_TEXT);
            case "CHAR":
            case "VARCHAR":
                return col(name, lake, base + "(" + precision + ")", "string", nullable, ColumnKind.STRING);
            case "TINYTEXT":
            case "TEXT":
            case "MEDIUMTEXT":
            case "LONGTEXT":
            case "JSON":
            case "ENUM":
            case "SET":
                return col(name, lake, typeName, "string", nullable, ColumnKind.STRING);
            case "BINARY":
            case "VARBINARY":
                return col(name, lake, base + "(" + precision + ")", "binary", nullable, ColumnKind.BINARY);
            case "TINYBLOB":
            case "BLOB":
            case "MEDIUMBLOB":
            case "LONGBLOB":
                return col(name, lake, typeName, "binary", nullable, ColumnKind.BINARY);
            case "GEOMETRY":
            case "POINT":
            case "LINESTRING":
            case "POLYGON":
            case "MULTIPOINT":
            case "MULTILINESTRING":
            case "MULTIPOLYGON":
            case "GEOMETRYCOLLECTION":
            case "GEOMCOLLECTION":
                return col(name, lake, typeName, "binary", nullable, ColumnKind.GEOMETRY);
            default:
                throw new UnmappedTypeException(name, typeName);
        }
    }

    private static Column col(String name, String lake, String sourceType, String glue, boolean nullable, ColumnKind kind) {
        return new Column(name, lake, sourceType, glue, nullable, kind, 0, 0, false);
    }

    private static Column decimal(String name, String lake, String sourceType, boolean nullable, ColumnKind kind, int p, int s) {
        return new Column(name, lake, sourceType, "decimal(" + p + "," + s + ")", nullable, kind, p, s, false);
    }

    /** mysql-connector-j's field for the column, or null with another driver. */
    private static com.mysql.cj.result.Field field(ResultSetMetaData md, int i) {
        try {
            if (md.isWrapperFor(com.mysql.cj.jdbc.result.ResultSetMetaData.class)) {
                return md.unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields()[i - 1];
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            // another driver: JDBC metadata alone
        }
        return null;
    }
}
