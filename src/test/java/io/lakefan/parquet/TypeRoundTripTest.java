package io.lakefan.parquet;

import io.lakefan.config.TimestampPrecision;
import io.lakefan.testing.DuckDb;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every mapped type, written by lakefan from the real MariaDB, read back by DuckDB only. */
class TypeRoundTripTest {
    static String db;

    /** column name -> {MariaDB text expression, DuckDB text expression}; {@code %s} is the column. */
    static final Map<String, String[]> CHECKS = new LinkedHashMap<>();

    static void check(String column, String maria, String duck) {
        CHECKS.put(column, new String[] {maria.replace("@", "`" + column + "`"), duck.replace("@", "\"" + column + "\"")});
    }

    static {
        for (String c : List.of("id", "ti", "tu", "t1", "si", "su", "mi", "mu", "i", "iu", "bi", "bu")) {
            check(c, "CAST(@ AS CHAR)", "CAST(@ AS VARCHAR)");
        }
        for (String c : List.of("d122", "d3810", "d180", "d1904", "du")) check(c, "CAST(@ AS CHAR)", "CAST(@ AS VARCHAR)");
        check("d6530", "CAST(@ AS CHAR)", "@");
        check("y", "CAST(@ + 0 AS CHAR)", "CAST(@ AS VARCHAR)");
        // MariaDB's text protocol sends FLOAT with 6 significant digits: that is the value lakefan gets
        check("f", "CAST(@ AS CHAR)", "CAST(@ AS VARCHAR)");
        check("db", "CAST(@ AS CHAR)", "CAST(@ AS VARCHAR)");
        check("dt", "IF(MONTH(@) = 0, NULL, CAST(@ AS CHAR))", "CAST(@ AS VARCHAR)");
        for (String c : List.of("dtm", "dtm3", "dtm6", "ts", "ts3", "ts6")) {
            check(c, "CAST(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', @) AS CHAR)", "CAST(epoch_us(@) AS VARCHAR)");
        }
        check("tm3", "SUBSTRING(TIME_FORMAT(@, '%H:%i:%s.%f'), 1, LENGTH(TIME_FORMAT(@, '%H:%i:%s.%f')) - 3)", "@");
        for (String c : List.of("tm", "c", "vc", "tx", "js", "en", "st", "l1")) check(c, "@", "@");
        for (String c : List.of("bin", "vb", "bl")) check(c, "HEX(@)", "hex(@)");
        for (String c : List.of("b1", "b5", "b64")) check(c, "CAST(@ + 0 AS CHAR)", "CAST(@ AS VARCHAR)");
        for (String c : List.of("p", "g")) check(c, "HEX(ST_AsWKB(@))", "hex(@)");
    }

    @BeforeAll
    static void createTable() {
        db = TestDatabase.get().createDatabase("types");
        TestDatabase.get().exec(db, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, ti TINYINT, tu TINYINT UNSIGNED, t1 TINYINT(1),"
                + " si SMALLINT, su SMALLINT UNSIGNED, mi MEDIUMINT, mu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED,"
                + " bi BIGINT, bu BIGINT UNSIGNED, d122 DECIMAL(12,2), d3810 DECIMAL(38,10), d6530 DECIMAL(65,30),"
                + " d180 DECIMAL(18,0), d1904 DECIMAL(19,4), du DECIMAL(10,3) UNSIGNED, f FLOAT, db DOUBLE, dt DATE,"
                + " dtm DATETIME, dtm3 DATETIME(3), dtm6 DATETIME(6), ts TIMESTAMP NULL, ts3 TIMESTAMP(3) NULL,"
                + " ts6 TIMESTAMP(6) NULL, tm TIME, tm3 TIME(3), c CHAR(5), vc VARCHAR(50), tx TEXT, js JSON,"
                + " en ENUM('a','b','c'), st SET('x','y','z'), l1 VARCHAR(20) CHARACTER SET latin1, bin BINARY(4),"
                + " vb VARBINARY(10), bl BLOB, b1 BIT(1), b5 BIT(5), b64 BIT(64), y YEAR, p POINT, g GEOMETRY)",
                "INSERT INTO t (id) VALUES (1)",
                "INSERT INTO t VALUES (2, -128, 0, -1, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0,"
                        + " -9999999999.99, -9999999999999999999999999999.9999999999,"
                        + " -99999999999999999999999999999999999.999999999999999999999999999999, -999999999999999999,"
                        + " -999999999999999.9999, 0.000, -3.40282e38, -1.7976931348623157e308, '1000-01-01',"
                        + " '1000-01-01 00:00:00', '1000-01-01 00:00:00.001', '1000-01-01 00:00:00.000001',"
                        + " '1970-01-01 00:00:01', '1970-01-01 00:00:01.001', '1970-01-01 00:00:01.000001',"
                        + " '-838:59:59', '-838:59:58.999', '', '', '', '[]', 'a', '', 'caf\u00e9', X'00000000', X'', X'00FF00',"
                        + " b'0', b'0', b'0', 1901, POINT(-1.5, 2.25), ST_GeomFromText('LINESTRING(0 0,1 1,2 3)'))",
                "INSERT INTO t VALUES (3, 127, 255, 5, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295,"
                        + " 9223372036854775807, 18446744073709551615, 9999999999.99, 9999999999999999999999999999.9999999999,"
                        + " 99999999999999999999999999999999999.999999999999999999999999999999, 999999999999999999,"
                        + " 999999999999999.9999, 9999999.999, 3.40282e38, 1.7976931348623157e308, '9999-12-31',"
                        + " '9999-12-31 23:59:59', '9999-12-31 23:59:59.999', '9999-12-31 23:59:59.999999',"
                        + " '2038-01-19 03:14:07', '2038-01-19 03:14:07.999', '2038-01-19 03:14:07.999999', '838:59:59',"
                        + " '838:59:59.000', 'abcde', '\uD83D\uDE00\u4E2D\u6587 h\u00e9llo', REPEAT('\u00fc\uD83C\uDF89x', 1000),"
                        + " '{\"a\": [1, 2.5, \"\u00fc\"], \"b\": null}', 'c', 'x,z', '\u00ff', X'FF00FF00', X'00FF', X'FFFFFFFF00',"
                        + " b'1', b'11111', b'1111111111111111111111111111111111111111111111111111111111111111', 2155,"
                        + " POINT(1e300, -1e-300), ST_GeomFromText('POLYGON((0 0,4 0,4 4,0 0))'))",
                "INSERT INTO t VALUES (4, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0.01, 0.0000000001, 0.000000000000000000000000000001,"
                        + " 1, 0.0001, 0.001, 16777217, 0.1, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00.000',"
                        + " '0000-00-00 00:00:00.000000', '0000-00-00 00:00:00', '0000-00-00 00:00:00', '0000-00-00 00:00:00',"
                        + " '00:00:00', '00:00:00.001', ' a', 'tab\there\nnewline', '', 'null', 'b', 'x,y,z', '', X'', X'00', X'00',"
                        + " b'1', b'1', b'1000000000000000000000000000000000000000000000000000000000000000', 0,"
                        + " POINT(0, 0), ST_GeomFromText('POINT(3 4)'))",
                "INSERT INTO t (id, f, db, dtm6, ts3, d122) VALUES (5, 0.1234567, 2.2250738585072014E-308, '2024-02-29 12:34:56.5',"
                        + " '2024-02-29 23:59:59.999', 12.5)");
    }

    @Test
    void everyType_roundTripsValueForValue(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        Extract e = Extract.toFile(db, "SELECT * FROM t ORDER BY id", false, TimestampPrecision.AUTO, files, "t.parquet");
        assertEquals(7, e.zeroDates, "zero dates of row 4");
        compare(files.path("t.parquet"), CHECKS);
    }

    @Test
    void parquetTypes_asDuckDbSeesThem(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        Extract e = Extract.toFile(db, "SELECT * FROM t", false, TimestampPrecision.AUTO, files, "t.parquet");
        Map<String, String> types = new LinkedHashMap<>();
        try (DuckDb duck = DuckDb.open()) {
            for (List<Object> r : duck.rows("DESCRIBE SELECT * FROM read_parquet('" + files.path("t.parquet") + "')")) {
                types.put((String) r.get(0), (String) r.get(1));
            }
            Map<String, String> units = new LinkedHashMap<>();
            for (List<Object> r : duck.rows("SELECT name, CAST(logical_type AS VARCHAR) FROM parquet_schema('"
                    + files.path("t.parquet") + "')")) {
                units.put((String) r.get(0), String.valueOf(r.get(1)));
            }
            assertTrue(units.get("dtm3").contains("MILLIS"), units.get("dtm3"));
            assertTrue(units.get("dtm6").contains("MICROS"), units.get("dtm6"));
            assertTrue(units.get("ts6").contains("MICROS"), units.get("ts6"));
            assertTrue(units.get("ts3").contains("MILLIS"), units.get("ts3"));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "INTEGER");
        expected.put("ti", "TINYINT");
        expected.put("tu", "SMALLINT");
        expected.put("t1", "TINYINT");
        expected.put("si", "SMALLINT");
        expected.put("su", "INTEGER");
        expected.put("mi", "INTEGER");
        expected.put("mu", "INTEGER");
        expected.put("i", "INTEGER");
        expected.put("iu", "BIGINT");
        expected.put("bi", "BIGINT");
        expected.put("bu", "DECIMAL(20,0)");
        expected.put("d122", "DECIMAL(12,2)");
        expected.put("d3810", "DECIMAL(38,10)");
        expected.put("d6530", "VARCHAR");
        expected.put("d180", "DECIMAL(18,0)");
        expected.put("d1904", "DECIMAL(19,4)");
        expected.put("du", "DECIMAL(10,3)");
        expected.put("f", "FLOAT");
        expected.put("db", "DOUBLE");
        expected.put("dt", "DATE");
        expected.put("dtm", "TIMESTAMP");
        expected.put("dtm3", "TIMESTAMP");
        expected.put("dtm6", "TIMESTAMP");
        expected.put("ts", "TIMESTAMP WITH TIME ZONE");
        expected.put("ts3", "TIMESTAMP WITH TIME ZONE");
        expected.put("ts6", "TIMESTAMP WITH TIME ZONE");
        expected.put("tm3", "VARCHAR");
        for (String c : List.of("tm", "c", "vc", "tx", "js", "en", "st", "l1")) expected.put(c, "VARCHAR");
        for (String c : List.of("bin", "vb", "bl")) expected.put(c, "BLOB");
        expected.put("b1", "BIGINT");
        expected.put("b5", "BIGINT");
        expected.put("b64", "DECIMAL(20,0)");
        expected.put("y", "INTEGER");
        expected.put("p", "BLOB");
        expected.put("g", "BLOB");
        expected.put(RowSchema.RUN_ID, "VARCHAR");
        expected.put(RowSchema.EXTRACTED_AT, "TIMESTAMP WITH TIME ZONE");
        assertEquals(expected, types);

        Map<String, String> glue = e.schema.glueColumns();
        assertEquals("int", glue.get("id"));
        assertEquals("tinyint", glue.get("t1"));
        assertEquals("decimal(20,0)", glue.get("bu"));
        assertEquals("decimal(12,2)", glue.get("d122"));
        assertEquals("string", glue.get("d6530"));
        assertEquals("timestamp", glue.get("ts3"));
        assertEquals("date", glue.get("dt"));
        assertEquals("binary", glue.get("p"));
        assertEquals("bigint", glue.get("b5"));
        assertEquals("timestamp", glue.get(RowSchema.EXTRACTED_AT));
        Map<String, String> sourceTypes = new LinkedHashMap<>();
        e.schema.columns().forEach(c -> sourceTypes.put(c.sourceName(), c.sourceType()));
        assertEquals("DECIMAL(12,2)", sourceTypes.get("d122"));
        assertEquals("DATETIME(6)", sourceTypes.get("dtm6"));
        assertEquals("TIMESTAMP(3)", sourceTypes.get("ts3"));
        assertEquals("TINYINT(1)", sourceTypes.get("t1"));
        assertEquals("BIT(64)", sourceTypes.get("b64"));
        assertEquals("BIGINT UNSIGNED", sourceTypes.get("bu"));
        assertTrue(!e.schema.columns().get(0).nullable() && e.schema.columns().get(1).nullable());
    }

    @Test
    void footerMetadata_keepsSourceNamesAndTypes_andLineage(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        Extract.toFile(db, "SELECT id, d122 AS `Price EUR` FROM t", false, TimestampPrecision.AUTO, files, "t.parquet");
        try (DuckDb duck = DuckDb.open()) {
            String p = files.path("t.parquet").toString();
            String columns = (String) duck.value("SELECT decode(value) FROM parquet_kv_metadata('" + p
                    + "') WHERE decode(key) = '" + RowSchema.COLUMNS_KEY + "'");
            assertTrue(columns.contains("\"source\":\"Price EUR\",\"lake\":\"price_eur\",\"type\":\"DECIMAL(12,2)\""), columns);
            String avro = (String) duck.value("SELECT decode(value) FROM parquet_kv_metadata('" + p
                    + "') WHERE decode(key) = 'parquet.avro.schema'");
            assertTrue(avro.contains("price_eur"), avro);
            assertEquals(5L, duck.count("SELECT count(*) FROM '" + p + "' WHERE _lakefan_run_id = 'run-1'"
                    + " AND epoch_ms(_lakefan_extracted_at) = " + Extract.LINEAGE.extractedAt().toEpochMilli()));
        }
    }

    @Test
    void booleansOption_tinyint1AndBit1BecomeBooleans(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        Extract.toFile(db, "SELECT id, t1, b1, ti FROM t ORDER BY id", true, TimestampPrecision.AUTO, files, "b.parquet");
        try (DuckDb duck = DuckDb.open()) {
            String p = files.path("b.parquet").toString();
            List<List<Object>> types = duck.rows("DESCRIBE SELECT t1, b1, ti FROM '" + p + "'");
            assertEquals("BOOLEAN", types.get(0).get(1));
            assertEquals("BOOLEAN", types.get(1).get(1));
            assertEquals("TINYINT", types.get(2).get(1));
            List<List<Object>> rows = duck.rows("SELECT t1, b1 FROM '" + p + "' ORDER BY id");
            assertEquals(List.of(Arrays.asList(null, null), List.of(true, false), List.of(true, true), List.of(false, true),
                    Arrays.asList(null, null)), rows);
        }
    }

    @Test
    void timestamps_exactWhateverTheJvmTimeZone(@TempDir Path dir) throws Exception {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            LocalFiles files = new LocalFiles(dir);
            Extract.toFile(db, "SELECT * FROM t ORDER BY id", false, TimestampPrecision.MICROS, files, "tz.parquet");
            Map<String, String[]> temporal = new LinkedHashMap<>();
            for (String c : List.of("id", "dt", "dtm", "dtm3", "dtm6", "ts", "ts3", "ts6")) temporal.put(c, CHECKS.get(c));
            compare(files.path("tz.parquet"), temporal);
            try (DuckDb duck = DuckDb.open()) {
                assertEquals(1709251199999000L, duck.count("SELECT epoch_us(ts3) FROM '" + files.path("tz.parquet") + "' WHERE id = 5"));
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void millisPrecision_truncatesMicroseconds(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        Extract.toFile(db, "SELECT id, dtm6 FROM t WHERE id = 2", false, TimestampPrecision.MILLIS, files, "m.parquet");
        try (DuckDb duck = DuckDb.open()) {
            // 1000-01-01 00:00:00.000001 truncated to the millisecond
            assertEquals(-30610224000000000L, duck.count("SELECT epoch_us(dtm6) FROM '" + files.path("m.parquet") + "'"));
        }
    }

    /** Compares, row by row in id order, MariaDB's text of each column with DuckDB's text of the Parquet column. */
    static void compare(Path parquet, Map<String, String[]> checks) throws Exception {
        List<String> maria = new ArrayList<>();
        List<String> duck = new ArrayList<>();
        checks.values().forEach(v -> {
            maria.add(v[0]);
            duck.add(v[1]);
        });
        List<List<Object>> expected = new ArrayList<>();
        try (Connection c = TestDatabase.get().connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", maria) + " FROM t ORDER BY id")) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= maria.size(); i++) row.add(rs.getString(i));
                expected.add(row);
            }
        }
        List<List<Object>> actual;
        try (DuckDb d = DuckDb.open()) {
            actual = d.rows("SELECT " + String.join(", ", duck) + " FROM read_parquet('" + parquet + "') ORDER BY id");
        }
        assertEquals(expected.size(), actual.size(), "rows");
        List<String> names = new ArrayList<>(checks.keySet());
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < expected.size(); r++) {
            for (int i = 0; i < names.size(); i++) {
                Object want = expected.get(r).get(i);
                Object got = actual.get(r).get(i);
                if (want != null && got != null && (names.get(i).equals("f") || names.get(i).equals("db"))) {
                    want = names.get(i).equals("f") ? (Object) Float.parseFloat((String) want) : (Object) Double.parseDouble((String) want);
                    got = names.get(i).equals("f") ? (Object) Float.parseFloat((String) got) : (Object) Double.parseDouble((String) got);
                }
                if (!Objects.equals(want, got)) {
                    problems.add("row " + (r + 1) + " " + names.get(i) + ": MariaDB " + abbreviate(expected.get(r).get(i))
                            + " DuckDB " + abbreviate(actual.get(r).get(i)));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 80 ? s.substring(0, 80) + "..." : "<" + s + ">";
    }
}
