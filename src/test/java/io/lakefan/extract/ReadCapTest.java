package io.lakefan.extract;

import io.lakefan.Lakefan;
import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.event.DispatchEvent;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.Views;
import io.lakefan.local.FileObjectStore;
import io.lakefan.local.FooterRowCounter;
import io.lakefan.local.StaticCredentials;
import io.lakefan.local.ThreadPoolInvoker;
import io.lakefan.run.Plan;
import io.lakefan.run.RunSummary;
import io.lakefan.testing.DuckDb;
import io.lakefan.testing.LocalRun;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cap on concurrent source reads per run, observed on the server's process list. */
class ReadCapTest {
    @TempDir
    Path lakeDir;

    final TestDatabase db = TestDatabase.get();

    /** Runs 8 chunks on 8 threads with a cap; returns the most reads the server saw at once. */
    int maxConcurrentReads(String database, int cap, Path lake) throws Exception {
        LakefanConfig config = ConfigLoader.parse("t", "{\"tables\":[{\"name\":\"items\",\"splitColumn\":\"id\",\"chunks\":8}]}"
                .getBytes(StandardCharsets.UTF_8));
        FileObjectStore store = FileObjectStore.at(lake);
        AtomicInteger max = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread monitor = new Thread(() -> {
            try (Connection c = db.connect(database); Statement s = c.createStatement()) {
                while (!done.get()) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '"
                            + database + "' AND INFO LIKE 'SELECT * FROM `items`%ORDER BY%'")) {
                        rs.next();
                        max.accumulateAndGet(rs.getInt(1), Math::max);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        monitor.start();
        try (ThreadPoolInvoker invoker = new ThreadPoolInvoker(8, 1)) {
            Lakefan lakefan = Lakefan.create(new Lakefan.Ports(store, invoker, new StaticCredentials(db.credentials(database)),
                            () -> config, Catalog.NONE, new FooterRowCounter(store), Views.NONE, ExtractListener.NONE,
                            Clock.systemUTC()),
                    Lakefan.Settings.local("cap").withMaxConcurrentReads(cap));
            invoker.bind(lakefan::handle);
            Plan plan = lakefan.dispatch(new DispatchEvent(null, List.of(), 0));
            invoker.awaitIdle();
            RunSummary summary = lakefan.runs().summary(plan.runId()).orElseThrow(() -> new AssertionError(invoker.failures()));
            assertTrue(summary.succeeded(), summary.toString());
            assertEquals(240000, summary.rows());
        } finally {
            done.set(true);
            monitor.join();
        }
        try (DuckDb duck = DuckDb.open()) {
            assertEquals(240000, duck.count("SELECT count(DISTINCT id) FROM " + LocalRun.files(lake, database, "items")));
        }
        return max.get();
    }

    @Test
    void cap_boundsTheReadsOfOneRun() throws Exception {
        String d = db.createDatabase("cap");
        db.exec(d, "CREATE TABLE items (id BIGINT PRIMARY KEY, v VARCHAR(100))",
                "INSERT INTO items SELECT seq, REPEAT('x', 90) FROM seq_1_to_240000");
        int uncapped = maxConcurrentReads(d, 0, lakeDir.resolve("uncapped"));
        int capped = maxConcurrentReads(d, 2, lakeDir.resolve("capped"));
        assertTrue(uncapped > 2, "without a cap the 8 chunks overlap (the probe works): " + uncapped);
        assertTrue(capped >= 1 && capped <= 2, "at most 2 reads at once: " + capped);
    }
}
