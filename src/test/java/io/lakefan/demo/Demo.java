package io.lakefan.demo;

import io.lakefan.cli.Main;
import io.lakefan.testing.SqlScript;
import io.lakefan.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code mvn -B -Pdemo clean verify}: starts an embedded MariaDB, loads a sample shop (every type family, NULLs,
 * zero dates, unicode, JSON, BLOBs, an empty table, an incremental table), runs lakefan into ./lake, applies
 * some updates and runs again, then says how to query the files.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws IOException {
        Path lake = Path.of(args.length > 0 ? args[0] : "lake").toAbsolutePath();
        if (Files.exists(lake)) {
            try (Stream<Path> s = Files.walk(lake)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("== starting an embedded MariaDB (first start unpacks it, ~20 s)");
        TestDatabase db = TestDatabase.get();
        String database = db.createDatabaseNamed("shop");
        SqlScript.run(db, database, "demo/schema.sql");
        Path config = Path.of("config/table_name_list.json").toAbsolutePath();
        List<String> run = List.of("run", "--config", config.toString(), "--jdbc-url", db.url(database),
                "--user", TestDatabase.USER, "--password-env", "DEMO_DB_PASSWORD", "--lake", lake.toString());
        Map<String, String> env = Map.of("DEMO_DB_PASSWORD", TestDatabase.PASSWORD);

        System.out.println("\n== full run: java -jar target/lakefan.jar " + String.join(" ", run) + "\n");
        int first = Main.run(run, System.out, System.err, env);

        System.out.println("\n== applying demo/updates.sql (updates and inserts to orders), then the incremental re-run\n");
        SqlScript.run(db, database, "demo/updates.sql");
        int second = Main.run(run, System.out, System.err, env);

        System.out.println("\n== the lake is in " + lake);
        System.out.println("Query it with DuckDB (https://duckdb.org), for example:");
        System.out.println("  duckdb -c \"SELECT * FROM read_parquet('" + lake + "/shop/orders/*/*.parquet', hive_partitioning=true)\"");
        System.out.println("  duckdb -c \"DESCRIBE SELECT * FROM read_parquet('" + lake + "/shop/type_extremes/*/*.parquet')\"");
        System.out.println("Run records: " + lake.resolve("_lakefan/runs") + "  watermarks: " + lake.resolve("_lakefan/state"));
        if (first != 0 || second != 0) {
            System.err.println("demo run failed (exit codes " + first + ", " + second + ")");
            System.exit(1);
        }
        System.exit(0);
    }
}
