package io.lakefan.extract;

import io.lakefan.Lakefan;
import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.event.DispatchEvent;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.Views;
import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.local.FileObjectStore;
import io.lakefan.local.FooterRowCounter;
import io.lakefan.local.StaticCredentials;
import io.lakefan.local.ThreadPoolInvoker;
import io.lakefan.run.ChunkStatus;
import io.lakefan.run.Plan;
import io.lakefan.run.RunSummary;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;
import io.lakefan.testing.DuckDb;
import io.lakefan.testing.LocalRun;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Big-table reads: chunks, continuations before the time budget ends, retries of chunks. */
class SplitAndContinueTest {
    @TempDir
    Path lakeDir;

    final TestDatabase db = TestDatabase.get();

    /** A budget that lasts {@code checks} looks, then says time is up: continuations at deterministic points. */
    static Supplier<TimeBudget> budgetOfChecks(int checks) {
        return () -> {
            AtomicInteger left = new AtomicInteger(checks);
            return () -> left.getAndDecrement() > 0 ? Long.MAX_VALUE : 0;
        };
    }

    record Outcome(RunSummary summary, Plan plan, FileObjectStore lake) {
        TableStatus table(String name) {
            return summary.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
        }

        List<ChunkStatus> chunks(String table) {
            List<ChunkStatus> out = new ArrayList<>();
            for (int i = 0; ; i++) {
                var v = lake.get(LakeLayout.chunkStatus(plan.runId(), table, i));
                if (v.isEmpty()) return out;
                out.add(Json.read(v.get().content(), ChunkStatus.class, "chunk"));
            }
        }
    }

    Outcome run(String database, String configJson, Supplier<TimeBudget> budgets, int attempts,
                io.lakefan.extract.ExtractListener listener) throws Exception {
        FileObjectStore lake = FileObjectStore.at(lakeDir);
        LakefanConfig config = ConfigLoader.parse("test", configJson.getBytes(StandardCharsets.UTF_8));
        try (ThreadPoolInvoker invoker = new ThreadPoolInvoker(4, attempts, budgets)) {
            Lakefan lakefan = Lakefan.create(new Lakefan.Ports(lake, invoker,
                            new StaticCredentials(db.credentials(database)), () -> config, Catalog.NONE,
                            new FooterRowCounter(lake), Views.NONE, listener, Clock.systemUTC()),
                    Lakefan.Settings.local("test").withMaxAttempts(attempts));
            invoker.bind(lakefan::handle);
            Plan plan = lakefan.dispatch(new DispatchEvent(null, List.of(), 0));
            invoker.awaitIdle();
            return new Outcome(lakefan.runs().summary(plan.runId()).orElseThrow(() -> new AssertionError(
                    "no summary; failures: " + invoker.failures())), plan, lake);
        }
    }

    private void assertLakeEqualsSource(String database, String table, long rows) throws Exception {
        List<String> source = new ArrayList<>();
        try (var c = db.connect(database); var s = c.createStatement();
             var rs = s.executeQuery("SELECT id, grp, v FROM `" + table + "` ORDER BY id")) {
            while (rs.next()) source.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
        }
        assertEquals(rows, source.size());
        try (DuckDb duck = DuckDb.open()) {
            List<String> lake = duck.rows("SELECT id, grp, v FROM " + LocalRun.files(lakeDir, database, table)
                    + " ORDER BY id").stream().map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2)).toList();
            assertEquals(source, lake);
        }
    }

    private String seed(String prefix, int rows, String grpExpression) {
        String d = db.createDatabase(prefix);
        db.exec(d, "CREATE TABLE items (id BIGINT PRIMARY KEY, grp INT NULL, v VARCHAR(40))",
                "INSERT INTO items SELECT seq, " + grpExpression + ", CONCAT('value-', seq) FROM seq_1_to_" + rows);
        return d;
    }

    @Test
    void split_intoEightChunks_equalsTheSource() throws Exception {
        String d = seed("split8", 20000, "seq % 7");
        Outcome o = run(d, "{\"tables\":[{\"name\":\"items\",\"splitColumn\":\"id\",\"chunks\":8}]}",
                TimeBudget::unlimited, 1, ExtractListener.NONE);
        assertTrue(o.summary().succeeded(), o.summary().toString());
        assertEquals(8, o.chunks("items").size(), "id is NOT NULL: no NULL chunk");
        assertEquals(20000, o.table("items").rows());
        for (ChunkStatus c : o.chunks("items")) assertEquals(2500, c.rows(), "even ranges: " + c);
        assertLakeEqualsSource(d, "items", 20000);
        try (var files = Files.walk(lakeDir.resolve(d))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().contains("-c007-p00000")));
        }
    }

    @Test
    void continuation_withATinyTimeBudget_equalsTheSource() throws Exception {
        String d = seed("cont", 30000, "seq % 3");
        // each invocation may process 3 batches before its budget says stop
        Outcome o = run(d, "{\"tables\":[{\"name\":\"items\",\"primaryKey\":\"id\"}]}", budgetOfChecks(3), 1,
                ExtractListener.NONE);
        assertTrue(o.summary().succeeded(), o.summary().toString());
        ChunkStatus unit = o.chunks("items").get(0);
        assertTrue(unit.segment() >= 10, "many continuations: " + unit.segment());
        assertEquals(unit.segment() + 1, unit.files().size(), "one file per segment");
        assertLakeEqualsSource(d, "items", 30000);
    }

    @Test
    void continuation_ofSplitChunksOnANonUniqueColumn_resumesOnTheTiebreaker() throws Exception {
        // grp repeats across batch boundaries; NULL grp rows too
        String d = seed("nonunique", 12000, "IF(seq % 10 = 0, NULL, seq % 5)");
        Outcome o = run(d, "{\"tables\":[{\"name\":\"items\",\"splitColumn\":\"grp\",\"chunks\":4,"
                + "\"primaryKey\":[\"id\"]}]}", budgetOfChecks(2), 1, ExtractListener.NONE);
        assertTrue(o.summary().succeeded(), o.summary().toString());
        List<ChunkStatus> chunks = o.chunks("items");
        assertTrue(chunks.size() >= 2, chunks.toString());
        ChunkStatus nulls = chunks.get(chunks.size() - 1);
        assertEquals(1200, nulls.rows(), "the NULL unit holds exactly the NULL rows");
        assertTrue(chunks.stream().anyMatch(c -> c.segment() > 0), "continued: " + chunks);
        assertLakeEqualsSource(d, "items", 12000);
    }

    @Test
    void split_onANonUniqueColumnWithoutPrimaryKey_isRefusedClearly() throws Exception {
        String d = seed("refuse", 100, "seq % 5");
        Outcome o = run(d, "{\"tables\":[{\"name\":\"items\",\"splitColumn\":\"grp\",\"chunks\":4}]}",
                TimeBudget::unlimited, 1, ExtractListener.NONE);
        assertFalse(o.summary().succeeded());
        assertTrue(o.table("items").error().contains("is not unique") && o.table("items").error().contains("primaryKey"),
                o.table("items").error());
    }

    @Test
    void split_withNullsInTheSplitColumn_landsNullRowsExactlyOnce() throws Exception {
        String d = db.createDatabase("nulls");
        db.exec(d, "CREATE TABLE items (id BIGINT NULL, grp INT NULL, v VARCHAR(40), UNIQUE KEY (id))",
                "INSERT INTO items SELECT IF(seq % 4 = 0, NULL, seq), seq % 3, CONCAT('value-', seq) FROM seq_1_to_4000");
        Outcome o = run(d, "{\"tables\":[{\"name\":\"items\",\"splitColumn\":\"id\",\"chunks\":4}]}",
                TimeBudget::unlimited, 1, ExtractListener.NONE);
        assertTrue(o.summary().succeeded(), o.summary().toString());
        assertEquals(5, o.chunks("items").size(), "4 ranges + the NULL unit");
        try (DuckDb duck = DuckDb.open()) {
            String files = LocalRun.files(lakeDir, d, "items");
            assertEquals(4000, duck.count("SELECT count(*) FROM " + files));
            assertEquals(1000, duck.count("SELECT count(*) FROM " + files + " WHERE id IS NULL"));
            assertEquals(1000, duck.count("SELECT count(DISTINCT v) FROM " + files + " WHERE id IS NULL"));
            assertEquals(3000, duck.count("SELECT count(DISTINCT id) FROM " + files));
        }
    }

    @Test
    void split_onASkewedKey_givesChunksOfSimilarSize() throws Exception {
        String d = db.createDatabase("skew");
        // 9,000 dense ids, then 1,000 ids spread over a billion: even ranges would put 90% in one chunk
        db.exec(d, "CREATE TABLE items (id BIGINT PRIMARY KEY, grp INT, v VARCHAR(40))",
                "INSERT INTO items SELECT seq, 0, 'dense' FROM seq_1_to_9000",
                "INSERT INTO items SELECT 1000000 + seq * 1000000, 1, 'sparse' FROM seq_1_to_1000");
        Outcome o = run(d, "{\"tables\":[{\"name\":\"items\",\"splitColumn\":\"id\",\"chunks\":5}]}",
                TimeBudget::unlimited, 1, ExtractListener.NONE);
        assertTrue(o.summary().succeeded(), o.summary().toString());
        List<Long> sizes = o.chunks("items").stream().map(ChunkStatus::rows).toList();
        long max = sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = sizes.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertEquals(10000, sizes.stream().mapToLong(Long::longValue).sum());
        assertTrue(max <= 2 * min + 1, "similar sizes: " + sizes);
    }

    @Test
    void split_chunkThatFailsOnceAndIsRetried_leavesNoDuplicate() throws Exception {
        String d = seed("retry", 16000, "seq % 7");
        AtomicBoolean failed = new AtomicBoolean();
        // the first chunk to finish writing dies after its files are in the lake, before recording them
        ExtractListener dieOnce = new ExtractListener() {
            @Override
            public void progress(String table, long rows) {
                if (rows >= 4000 && failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected: the process died after writing");
                }
            }
        };
        Outcome o = run(d, "{\"tables\":[{\"name\":\"items\",\"splitColumn\":\"id\",\"chunks\":4,"
                + "\"maxRowsPerFile\":1000}]}", TimeBudget::unlimited, 2, dieOnce);
        assertTrue(failed.get());
        assertTrue(o.summary().succeeded(), o.summary().toString());
        assertTrue(o.chunks("items").stream().anyMatch(c -> c.attempts() == 2), o.chunks("items").toString());
        assertEquals(Status.SUCCESSFUL, o.table("items").status());
        assertLakeEqualsSource(d, "items", 16000);
        try (var files = Files.walk(lakeDir.resolve(d))) {
            assertEquals(16, files.filter(p -> p.toString().endsWith(".parquet")).count());
        }
    }
}
