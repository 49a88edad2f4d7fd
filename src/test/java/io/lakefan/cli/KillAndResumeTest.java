package io.lakefan.cli;

import io.lakefan.testing.DuckDb;
import io.lakefan.testing.LocalRun;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run killed with SIGKILL in the middle of a table, then resumed: the lake holds exactly the source. */
class KillAndResumeTest {
    @TempDir
    Path lake;

    @Test
    void run_killedMidTableThenResumed_landsExactlyTheSource() throws Exception {
        TestDatabase db = TestDatabase.get();
        String d = db.createDatabase("kill");
        db.exec(d, "CREATE TABLE big (id INT PRIMARY KEY, payload VARCHAR(200))",
                "INSERT INTO big SELECT seq, REPEAT(CHAR(65 + seq % 26), 150) FROM seq_1_to_600000");
        Path config = Files.createTempFile("kill", ".json");
        Files.writeString(config, "{\"tables\":[{\"name\":\"big\",\"maxRowsPerFile\":20000}]}");
        List<String> args = List.of("run", "--config", config.toString(), "--jdbc-url", db.url(d),
                "--user", TestDatabase.USER, "--password-env", LocalRun.PASSWORD_VAR, "--lake", lake.toString());

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        pb.command().addAll(args);
        pb.environment().put(LocalRun.PASSWORD_VAR, TestDatabase.PASSWORD);
        pb.redirectErrorStream(true);
        pb.redirectOutput(lake.resolveSibling(lake.getFileName() + "-child.log").toFile());
        Process child = pb.start();
        Path table = lake.resolve(d).resolve("big");
        long deadline = System.currentTimeMillis() + 60_000;
        while (LocalRunTest.parquetFiles(table).size() < 2 && System.currentTimeMillis() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the child finished before it could be killed; make the table bigger");
        child.destroyForcibly(); // SIGKILL: no cleanup runs
        child.waitFor(10, TimeUnit.SECONDS);
        int partial = LocalRunTest.parquetFiles(table).size();
        assertTrue(partial >= 2, "files were committed before the kill: " + partial);

        String runId;
        try (var runs = Files.list(lake.resolve("_lakefan/runs"))) {
            runId = runs.findFirst().orElseThrow().getFileName().toString();
        }
        LocalRun.Result resumed = LocalRun.main(new java.util.ArrayList<>(args) {{
            add("--run-id");
            add(runId);
        }}, java.util.Map.of(LocalRun.PASSWORD_VAR, TestDatabase.PASSWORD));
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("attempt 2"), resumed.out());

        try (DuckDb duck = DuckDb.open()) {
            String files = LocalRun.files(lake, d, "big");
            assertEquals(600000, duck.count("SELECT count(*) FROM " + files));
            assertEquals(600000, duck.count("SELECT count(DISTINCT id) FROM " + files));
            assertEquals(600000L * 600001L / 2, duck.count("SELECT sum(id) FROM " + files));
            assertEquals(30, LocalRunTest.parquetFiles(table).size());
        }
    }
}
