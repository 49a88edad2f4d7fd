package io.lakefan.jar;

import io.lakefan.testing.DuckDb;
import io.lakefan.testing.SqlScript;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped artifact itself (after {@code package}): {@code java -jar target/lakefan.jar run} lands the demo shop,
 * and nothing test-only (MariaDB binaries, DuckDB, s3proxy) or Hadoop is inside.
 */
class ShadedJarIT {
    static final Path JAR = Path.of("target/lakefan.jar");

    @TempDir
    Path lake;

    record Exec(int code, String output) {
    }

    static Exec java(List<String> args, String password) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAR_IT_PASSWORD", password);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Exec(p.exitValue(), out);
    }

    @Test
    void jar_runsTheDemoShop() throws Exception {
        TestDatabase db = TestDatabase.get();
        String d = db.createDatabase("jar");
        SqlScript.run(db, d, "demo/schema.sql");
        Exec r = java(List.of("run", "--config", "config/table_name_list.json", "--jdbc-url", db.url(d), "--user",
                TestDatabase.USER, "--password-env", "JAR_IT_PASSWORD", "--lake", lake.toString()), TestDatabase.PASSWORD);
        assertEquals(0, r.code(), r.output());
        assertFalse(r.output().contains(TestDatabase.PASSWORD));
        try (DuckDb duck = DuckDb.open()) {
            assertEquals(30, duck.count("SELECT count(*) FROM read_parquet('" + lake.resolve(d) + "/orders/*/*.parquet')"));
        }
    }

    @Test
    void jar_holdsNothingTestOnlyAndNoHadoop() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> bad = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("ch/vorburger/") || n.startsWith("org/duckdb/") || n.startsWith("org/gaul/")
                            || n.startsWith("org/apache/hadoop/") || n.startsWith("org/junit/")
                            || n.startsWith("org/testcontainers/"))
                    .limit(5).toList();
            assertEquals(List.of(), bad);
            assertTrue(jar.getEntry("table_name_list.json") != null, "the config is packaged");
            assertTrue(jar.getEntry("io/lakefan/lambda/Handler.class") != null);
        }
        assertTrue(Files.size(JAR) < 60L << 20, "jar size " + Files.size(JAR));
    }

    @Test
    void jar_helpAndBadUsage() throws Exception {
        Exec help = java(List.of("--help"), "");
        assertEquals(0, help.code(), help.output());
        assertTrue(help.output().contains("invoke"));
        Exec bad = java(List.of("run", "--config"), "");
        assertEquals(2, bad.code(), bad.output());
    }
}
