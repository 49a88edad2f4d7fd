package io.lakefan.cli;

import io.lakefan.testing.DuckDb;
import io.lakefan.testing.LocalRun;
import io.lakefan.testing.Rows;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lakefan run} end to end: embedded MariaDB in, a local lake out, DuckDB reads what landed. */
class LocalRunTest {
    static TestDatabase db;

    @TempDir
    Path lake;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
    }

    static String fullConfig(String... tables) {
        StringBuilder b = new StringBuilder("{\"tables\":[");
        for (int i = 0; i < tables.length; i++) b.append(i > 0 ? "," : "").append(tables[i]);
        return b.append("]}").toString();
    }

    static List<String> sourceRows(String database, String sql) {
        return Rows.source(database, sql);
    }

    static List<String> lakeRows(String sql) {
        return Rows.lake(sql);
    }

    static List<Path> parquetFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }

    private void seedShop(String database, int rows) {
        db.exec(database, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), balance DECIMAL(12,2),"
                        + " created_at DATETIME(3))",
                "INSERT INTO customers SELECT seq, CONCAT('customer ', seq, ' ü 東京 😀'), seq * 1.25,"
                        + " TIMESTAMP('2024-01-01') + INTERVAL seq SECOND FROM seq_1_to_" + rows);
    }

    @Test
    void run_full_landsEveryRowExactly() throws Exception {
        String d = db.createDatabase("full");
        seedShop(d, 1500);
        LocalRun.Result r = LocalRun.run(d, lake, fullConfig("{\"name\":\"customers\"}"));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("SUCCESSFUL"), r.out());
        assertTrue(r.out().contains("duckdb"), "says how to query the files: " + r.out());
        List<String> expected = sourceRows(d, "SELECT id, name, balance, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s')"
                + " FROM customers ORDER BY id");
        List<String> actual = lakeRows("SELECT id, name, balance, strftime(created_at, '%Y-%m-%d %H:%M:%S') FROM "
                + LocalRun.files(lake, d, "customers") + " ORDER BY id");
        assertEquals(expected, actual);
        try (DuckDb duck = DuckDb.open()) {
            String runId = LocalRun.runId(r);
            assertEquals(1500, duck.count("SELECT count(*) FROM " + LocalRun.files(lake, d, "customers")
                    + " WHERE _lakefan_run_id = '" + runId + "'"));
            assertEquals(1, duck.count("SELECT count(DISTINCT ingest_date) FROM " + LocalRun.files(lake, d, "customers")));
        }
        assertTrue(Files.exists(lake.resolve("_lakefan/runs/" + LocalRun.runId(r) + "/summary.json")));
        assertTrue(Files.exists(lake.resolve("_lakefan/state/" + d + "/customers.json")));
        assertTrue(Files.exists(lake.resolve("_lakefan/log/" + d + "/customers/" + LocalRun.runId(r) + ".json")));
    }

    @Test
    void run_withSmallFiles_rollsOverAndKeepsEveryRow() throws Exception {
        String d = db.createDatabase("roll");
        seedShop(d, 1050);
        LocalRun.Result r = LocalRun.run(d, lake, fullConfig("{\"name\":\"customers\",\"maxRowsPerFile\":100}"));
        assertEquals(0, r.exitCode(), r.toString());
        List<Path> files = parquetFiles(lake.resolve(d).resolve("customers"));
        assertEquals(11, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().matches(".*-c000-p00000\\.snappy\\.parquet"), files.toString());
        assertEquals(sourceRows(d, "SELECT id, name FROM customers ORDER BY id"),
                lakeRows("SELECT id, name FROM " + LocalRun.files(lake, d, "customers") + " ORDER BY id"));
    }

    @Test
    void run_floatColumns_landEveryBit() throws Exception {
        String d = db.createDatabase("floats");
        db.exec(d, "CREATE TABLE f (id INT PRIMARY KEY, x FLOAT, y FLOAT NULL)",
                "INSERT INTO f VALUES (1, 16777217, NULL), (2, 0.1234567, 3.4028234e38), (3, -1.17549435e-38, 1e-45)");
        LocalRun.Result r = LocalRun.run(d, lake, fullConfig("{\"name\":\"f\"}"));
        assertEquals(0, r.exitCode(), r.toString());
        // MariaDB prints FLOAT with 6 digits; its exact value is what CAST AS DOUBLE shows
        List<String> exact = sourceRows(d, "SELECT id, CAST(x AS DOUBLE), CAST(y AS DOUBLE) FROM f ORDER BY id");
        List<String> landed = lakeRows("SELECT id, x, y FROM " + LocalRun.files(lake, d, "f") + " ORDER BY id");
        for (int i = 0; i < exact.size(); i++) {
            String[] e = exact.get(i).split("\\|");
            String[] l = landed.get(i).split("\\|");
            for (int c = 1; c < 3; c++) {
                if (e[c].equals("null")) assertEquals("null", l[c]);
                else assertEquals(Double.parseDouble(e[c]), Double.parseDouble(l[c]), 0.0, exact + " vs " + landed);
            }
        }
        assertFalse(landed.get(0).startsWith("1|1.67772E7"), "not the 6-digit text: " + landed);
    }

    @Test
    void run_emptyTable_isEmptyAndWritesNoFile() throws Exception {
        String d = db.createDatabase("empty");
        db.exec(d, "CREATE TABLE nothing (id INT PRIMARY KEY, v VARCHAR(10))");
        LocalRun.Result r = LocalRun.run(d, lake, fullConfig("{\"name\":\"nothing\"}"));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("EMPTY"), r.out());
        assertEquals(List.of(), parquetFiles(lake.resolve(d)));
    }

    @Test
    void run_incremental_picksUpInsertsAndUpdatesAndLosesNothingAtTheEdges() throws Exception {
        String d = db.createDatabase("incr");
        db.exec(d, "CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20), updated_at DATETIME(3) NOT NULL)",
                // several rows share the maximum timestamp: the window edge
                "INSERT INTO orders SELECT seq, 'new', TIMESTAMP('2024-01-01 00:00:00') + INTERVAL (seq DIV 10) SECOND"
                        + " FROM seq_1_to_100");
        String config = fullConfig("{\"name\":\"orders\",\"mode\":\"incremental\",\"watermark\":\"updated_at\","
                + "\"primaryKey\":[\"id\"]}");
        LocalRun.Result first = LocalRun.run(d, lake, config);
        assertEquals(0, first.exitCode(), first.toString());
        String all = LocalRun.files(lake, d, "orders");
        assertEquals(100, lakeRows("SELECT id FROM " + all).size());

        // nothing changed: the next run is EMPTY and writes nothing
        LocalRun.Result idle = LocalRun.run(d, lake, config);
        assertEquals(0, idle.exitCode(), idle.toString());
        assertTrue(idle.out().contains("EMPTY"), idle.out());

        // updates, inserts, and a row at exactly the old maximum: those after the edge are picked up
        db.exec(d, "UPDATE orders SET status = 'paid', updated_at = '2024-01-02 00:00:00.001' WHERE id IN (3, 50, 100)",
                "INSERT INTO orders VALUES (101, 'new', '2024-01-02 00:00:00.001'), (102, 'new', '2024-01-02 00:00:00.002')");
        LocalRun.Result second = LocalRun.run(d, lake, config);
        assertEquals(0, second.exitCode(), second.toString());
        String secondRun = LocalRun.runId(second);
        assertEquals(List.of("3|paid", "50|paid", "100|paid", "101|new", "102|new"),
                lakeRows("SELECT id, status FROM " + all + " WHERE _lakefan_run_id = '" + secondRun + "' ORDER BY id"));

        // newest version per key over every run equals the source exactly
        List<String> latest = lakeRows("SELECT id, status, strftime(updated_at, '%Y-%m-%d %H:%M:%S.%g') FROM ("
                + "SELECT *, row_number() OVER (PARTITION BY id ORDER BY updated_at DESC, _lakefan_extracted_at DESC) rn"
                + " FROM " + all + ") WHERE rn = 1 ORDER BY id");
        assertEquals(sourceRows(d, "SELECT id, status, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s.%f') FROM orders ORDER BY id")
                .stream().map(s -> s.substring(0, s.length() - 3)).toList(), latest);
    }

    @Test
    void run_incrementalWithLookback_rereadsLateRowsBelowTheWatermark() throws Exception {
        String d = db.createDatabase("lookback");
        db.exec(d, "CREATE TABLE events (id INT PRIMARY KEY, at DATETIME NOT NULL)",
                "INSERT INTO events VALUES (1, '2024-01-01 10:00:00'), (2, '2024-01-01 11:00:00')");
        String config = fullConfig("{\"name\":\"events\",\"mode\":\"incremental\",\"watermark\":\"at\","
                + "\"primaryKey\":\"id\",\"lookback\":\"PT30M\"}");
        assertEquals(0, LocalRun.run(d, lake, config).exitCode());
        // a row committed late with a time just below the stored watermark; row 1 is outside the margin
        db.exec(d, "INSERT INTO events VALUES (3, '2024-01-01 10:45:00')");
        LocalRun.Result r = LocalRun.run(d, lake, config);
        assertEquals(0, r.exitCode(), r.toString());
        // the margin (10:30, 11:00] is read again: row 2 a second time (the latest view removes it), row 3 for the first time
        assertEquals(List.of("2", "3"), lakeRows("SELECT id FROM " + LocalRun.files(lake, d, "events")
                + " WHERE _lakefan_run_id = '" + LocalRun.runId(r) + "' ORDER BY id"));
    }

    @Test
    void run_wrongPassword_failsClearlyAndNeverPrintsThePassword() throws Exception {
        String d = db.createDatabase("pw");
        seedShop(d, 10);
        LocalRun.Result r = LocalRun.runWithPassword(d, lake, fullConfig("{\"name\":\"customers\"}"), "not-the-Password-42");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains("FAILED"), r.out());
        assertTrue(r.out().contains("refused the login"), r.out());
        assertFalse((r.out() + r.err()).contains("not-the-Password-42"));
        assertEquals(List.of(), parquetFiles(lake.resolve(d)));
    }

    @Test
    void run_unreachableDatabase_failsClearlyAndWritesNoData() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort(); // nothing listens there once the probe is closed
        }
        java.nio.file.Path config = java.nio.file.Files.createTempFile("unreachable", ".json");
        java.nio.file.Files.writeString(config, fullConfig("{\"name\":\"customers\"}"));
        LocalRun.Result r = LocalRun.main(List.of("run", "--config", config.toString(), "--jdbc-url",
                "jdbc:mysql://127.0.0.1:" + closedPort + "/shop", "--user", "u", "--password-env", LocalRun.PASSWORD_VAR,
                "--lake", lake.toString()), java.util.Map.of(LocalRun.PASSWORD_VAR, "pw"));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue((r.out() + r.err()).contains("cannot connect to the source database")
                && (r.out() + r.err()).contains("check host, port"), r.toString());
        assertEquals(List.of(), parquetFiles(lake.resolve("shop")));
    }

    @Test
    void run_unknownTable_failsThatTableOnly() throws Exception {
        String d = db.createDatabase("unknown");
        seedShop(d, 20);
        LocalRun.Result r = LocalRun.run(d, lake, fullConfig("{\"name\":\"customers\"}", "{\"name\":\"no_such_table\"}"));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains("no_such_table") && r.out().contains("does not exist"), r.out());
        assertEquals(20, lakeRows("SELECT id FROM " + LocalRun.files(lake, d, "customers")).size());
    }

    @Test
    void run_queryFailingHalfWay_failsAndLeavesNoFiles() throws Exception {
        String d = db.createDatabase("halfway");
        seedShop(d, 3000);
        // row 2500 raises "Subquery returns more than 1 row" while the result is streaming
        String query = "SELECT c.*, IF(c.id = 2500, (SELECT 1 UNION SELECT 2), 1) AS flag FROM customers c ORDER BY c.id";
        LocalRun.Result r = LocalRun.run(d, lake, fullConfig("{\"name\":\"customers\",\"maxRowsPerFile\":500,"
                + "\"query\":\"" + query + "\"}"));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains("FAILED"), r.out());
        assertEquals(List.of(), parquetFiles(lake.resolve(d)), "a failed attempt keeps nothing it wrote");
    }

    @Test
    void run_invalidConfig_exitsTwoAndRunsNothing() {
        String d = db.createDatabase("badcfg");
        LocalRun.Result r = LocalRun.run(d, lake, "{\"tables\":[{\"name\":\"a\",\"mode\":\"incremental\"},"
                + "{\"name\":\"a\"}]}");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("watermark"), r.err());
        assertFalse(Files.exists(lake.resolve("_lakefan")), "nothing runs on an invalid config");
    }

    @Test
    void help_documentsEveryFlag() {
        LocalRun.Result r = LocalRun.main(List.of("run", "--help"), java.util.Map.of());
        assertEquals(0, r.exitCode());
        for (String flag : List.of("--config", "--jdbc-url", "--user", "--password-env", "--lake", "--tables",
                "--parallelism")) {
            assertTrue(r.out().contains(flag), flag);
        }
        LocalRun.Result bad = LocalRun.main(List.of("run", "--bogus", "x"), java.util.Map.of());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown option '--bogus'"), bad.err());
    }
}
