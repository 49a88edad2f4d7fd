package io.lakefan.extract;

import io.lakefan.Lakefan;
import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.event.DispatchEvent;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.Views;
import io.lakefan.lake.LakeException;
import io.lakefan.local.FileObjectStore;
import io.lakefan.local.FooterRowCounter;
import io.lakefan.local.StaticCredentials;
import io.lakefan.local.ThreadPoolInvoker;
import io.lakefan.run.Plan;
import io.lakefan.run.RunSummary;
import io.lakefan.testing.DuckDb;
import io.lakefan.testing.ForwardingObjectStore;
import io.lakefan.testing.LocalRun;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lake (S3) errors at the worst moments: the retry of the invocation still lands exactly the source. */
class LakeErrorTest {
    @TempDir
    Path lakeDir;

    /** A lake whose first write matching {@code fails} throws, like a dropped S3 connection. */
    static final class FlakyLake extends ForwardingObjectStore {
        final Predicate<String> fails;
        final AtomicInteger failures = new AtomicInteger();

        FlakyLake(FileObjectStore store, Predicate<String> fails) {
            super(store);
            this.fails = fails;
        }

        private void maybeFail(String key, byte[] content) {
            if (fails.test(key + " " + new String(content, StandardCharsets.UTF_8)) && failures.getAndIncrement() == 0) {
                throw new LakeException("injected: S3 PutObject of " + key + " failed: connection reset");
            }
        }

        @Override
        public String put(String key, byte[] content) {
            maybeFail(key, content);
            return super.put(key, content);
        }

        @Override
        public boolean putIfAbsent(String key, byte[] content) {
            maybeFail(key, content);
            return super.putIfAbsent(key, content);
        }

        @Override
        public boolean putIfMatch(String key, byte[] content, String etag) {
            maybeFail(key, content);
            return super.putIfMatch(key, content, etag);
        }
    }

    RunSummary run(String database, String configJson, FlakyLake lake) throws Exception {
        LakefanConfig config = ConfigLoader.parse("t", configJson.getBytes(StandardCharsets.UTF_8));
        TestDatabase db = TestDatabase.get();
        try (ThreadPoolInvoker invoker = new ThreadPoolInvoker(4, 2)) {
            Lakefan lakefan = Lakefan.create(new Lakefan.Ports(lake, invoker, new StaticCredentials(db.credentials(database)),
                            () -> config, Catalog.NONE, new FooterRowCounter(lake), Views.NONE, ExtractListener.NONE,
                            Clock.systemUTC()),
                    Lakefan.Settings.local("t").withMaxAttempts(2));
            invoker.bind(lakefan::handle);
            Plan plan = lakefan.dispatch(new DispatchEvent(null, List.of(), 0));
            invoker.awaitIdle();
            return lakefan.runs().summary(plan.runId()).orElseThrow(() -> new AssertionError(
                    "no summary: " + invoker.failures()));
        }
    }

    private String seed(String prefix) {
        TestDatabase db = TestDatabase.get();
        String d = db.createDatabase(prefix);
        db.exec(d, "CREATE TABLE items (id BIGINT PRIMARY KEY, v VARCHAR(20), at DATETIME NOT NULL)",
                "INSERT INTO items SELECT seq, CONCAT('v', seq), TIMESTAMP('2024-01-01') + INTERVAL seq MINUTE"
                        + " FROM seq_1_to_5000");
        return d;
    }

    @Test
    void lakeError_afterTheWatermarkAdvanced_retryRecordsTheTableWithoutLosingItsFiles() throws Exception {
        String d = seed("lakeerr");
        // the table's SUCCESSFUL record fails once, after its files are in place and its watermark advanced
        FlakyLake lake = new FlakyLake(FileObjectStore.at(lakeDir),
                s -> s.contains("/tables/items.json") && s.contains("\"SUCCESSFUL\""));
        RunSummary summary = run(d, "{\"tables\":[{\"name\":\"items\",\"mode\":\"incremental\",\"watermark\":\"at\","
                + "\"primaryKey\":\"id\"}]}", lake);
        assertTrue(lake.failures.get() > 0, "the error was injected");
        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(5000, summary.rows());
        try (DuckDb duck = DuckDb.open()) {
            assertEquals(5000, duck.count("SELECT count(DISTINCT id) FROM " + LocalRun.files(lakeDir, d, "items")));
            assertEquals(5000, duck.count("SELECT count(*) FROM " + LocalRun.files(lakeDir, d, "items")));
        }
    }

    @Test
    void lakeError_whenClaimingFinalize_retryStillFinalizesTheRun() throws Exception {
        String d = seed("finerr");
        // the completion check's If-None-Match write of finalize.claim fails once
        FlakyLake lake = new FlakyLake(FileObjectStore.at(lakeDir), s -> s.contains("finalize.claim"));
        RunSummary summary = run(d, "{\"tables\":[{\"name\":\"items\",\"splitColumn\":\"id\",\"chunks\":3}]}", lake);
        assertTrue(lake.failures.get() > 0);
        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(5000, summary.rows());
    }
}
