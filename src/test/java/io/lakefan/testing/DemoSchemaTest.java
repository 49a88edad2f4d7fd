package io.lakefan.testing;

import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.config.Mode;
import io.lakefan.config.TableConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's schema loads, the packaged config matches it, and the data covers the type mapping. */
class DemoSchemaTest {
    private static TestDatabase db;
    private static String database;
    private static LakefanConfig config;

    @BeforeAll
    static void load() {
        db = TestDatabase.get();
        database = db.createDatabase("demo");
        SqlScript.run(db, database, "demo/schema.sql");
        config = ConfigLoader.fromClasspath("table_name_list.json");
    }

    @Test
    void config_namesExactlyTheDemoTables() throws SQLException {
        Set<String> configured = new TreeSet<>(config.tables().stream().map(TableConfig::name).toList());
        Set<String> inDatabase = new TreeSet<>(strings("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"));
        assertEquals(inDatabase, configured);
    }

    @Test
    void config_everyConfiguredColumnExists() throws SQLException {
        for (TableConfig table : config.tables()) {
            Set<String> columns = Set.copyOf(strings("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE() AND table_name = '" + table.name() + "'"));
            List<String> used = new ArrayList<>(table.primaryKey());
            if (table.watermark() != null) used.add(table.watermark());
            if (table.splitColumn() != null) used.add(table.splitColumn());
            assertTrue(columns.containsAll(used), table.name() + " lacks one of " + used + "; has " + columns);
        }
    }

    @Test
    void config_ordersIsIncrementalWithLatestView() {
        TableConfig orders = config.table("orders").orElseThrow();
        assertEquals(Mode.INCREMENTAL, orders.mode());
        assertEquals("updated_at", orders.watermark());
        assertEquals(List.of("id"), orders.primaryKey());
        assertTrue(orders.latestView());
    }

    @Test
    void queries_runAndReturnASmallDemo() throws SQLException {
        long total = 0;
        for (TableConfig table : config.tables()) {
            long rows = count("SELECT COUNT(*) FROM (" + table.query() + ") q");
            if (table.name().equals("returns")) {
                assertEquals(0, rows, "returns is the empty table");
            } else {
                assertTrue(rows > 0, table.name() + " has rows");
            }
            total += rows;
        }
        assertTrue(total >= 50 && total <= 200, "demo size " + total);
    }

    @Test
    void schema_coversEveryTypeFamilyOfTheMapping() throws SQLException {
        Set<String> types = new TreeSet<>(strings("SELECT DISTINCT column_type FROM information_schema.columns "
                + "WHERE table_schema = DATABASE()"));
        String all = String.join(" | ", types);
        for (String type : List.of("tinyint(4)", "tinyint(3) unsigned", "smallint(6)", "smallint(5) unsigned",
                "mediumint(9)", "mediumint(8) unsigned", "int(11)", "int(10) unsigned", "bigint(20)",
                "bigint(20) unsigned", "tinyint(1)", "decimal(12,2)", "decimal(65,30)", "float", "double", "date",
                "datetime", "datetime(3)", "datetime(6)", "timestamp(3)", "time", "time(6)", "year(4)", "char(2)",
                "varchar(100)", "text", "binary(16)", "varbinary(16)", "blob", "bit(1)", "bit(8)", "bit(64)",
                "point")) {
            assertTrue(types.contains(type), "no column of type " + type + " in: " + all);
        }
        assertTrue(types.stream().anyMatch(t -> t.startsWith("enum(")), all);
        assertTrue(types.stream().anyMatch(t -> t.startsWith("set(")), all);
        // MariaDB stores JSON as LONGTEXT with a json_valid check; MySQL has a JSON type
        assertTrue(types.contains("json") || count("SELECT COUNT(*) FROM information_schema.check_constraints "
                + "WHERE constraint_schema = DATABASE() AND check_clause LIKE '%json_valid%'") >= 3, all);
    }

    @Test
    void data_holdsTheEdgeCases() throws SQLException {
        assertEquals(1, count("SELECT COUNT(*) FROM type_extremes WHERE c_bigint_u = 18446744073709551615"));
        assertEquals(1, count("SELECT COUNT(*) FROM type_extremes WHERE c_decimal_max = "
                + "99999999999999999999999999999999999.999999999999999999999999999999"));
        assertTrue(count("SELECT COUNT(*) FROM stores WHERE pickup_offset < '00:00:00'") >= 1, "negative TIME");
        assertTrue(count("SELECT COUNT(*) FROM stores WHERE max_delivery > '24:00:00'") >= 1, "TIME over 24 h");
        assertTrue(count("SELECT COUNT(*) FROM customers WHERE birth_date = '0000-00-00'") >= 1, "zero DATE");
        assertTrue(count("SELECT COUNT(*) FROM customers WHERE last_login = '0000-00-00 00:00:00'") >= 1, "zero DATETIME");
        assertEquals(1, count("SELECT COUNT(*) FROM type_extremes WHERE c_timestamp3 = '0000-00-00 00:00:00'"));
        assertTrue(count("SELECT COUNT(*) FROM products WHERE LOCATE(X'00', thumbnail) > 0") >= 2, "0x00 in BLOB");
        assertTrue(count("SELECT COUNT(*) FROM customers WHERE HEX(full_name) LIKE '%F09F8E89%'") >= 1, "emoji");
        assertTrue(count("SELECT COUNT(*) FROM customers WHERE full_name LIKE '%山田%'") >= 1, "CJK");
        assertEquals(1, count("SELECT COUNT(*) FROM type_extremes WHERE c_bit64 = 18446744073709551615"));
        assertEquals(1, count("SELECT COUNT(*) FROM type_extremes WHERE c_int IS NULL AND c_point IS NULL "
                + "AND c_json IS NULL AND c_timestamp3 IS NULL"));
    }

    @Test
    void updates_bumpOrdersPastEveryEarlierWatermark() throws SQLException {
        String copy = db.createDatabase("demo_updates");
        SqlScript.run(db, copy, "demo/schema.sql");
        String before;
        try (Connection c = db.connect(copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(MAX(updated_at) AS CHAR) FROM orders")) {
            rs.next();
            before = rs.getString(1);
        }
        SqlScript.run(db, copy, "demo/updates.sql");
        try (Connection c = db.connect(copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id > 30) FROM orders WHERE updated_at > '" + before + "'")) {
            rs.next();
            assertEquals(6, rs.getInt(1), "3 updated and 3 new orders are past " + before);
            assertEquals(3, rs.getInt(2));
        }
    }

    @Test
    void statements_splitOnSemicolonAtLineEnd() {
        List<String> statements = SqlScript.statements("""
                -- comment
                SET x = 1;
                INSERT INTO t VALUES ('a;b'),
                ('c');

                SELECT 1""");
        assertEquals(List.of("SET x = 1", "INSERT INTO t VALUES ('a;b'),\n('c')", "SELECT 1"), statements);
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
