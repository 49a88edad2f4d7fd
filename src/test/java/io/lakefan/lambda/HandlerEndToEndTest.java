package io.lakefan.lambda;

import io.lakefan.testing.Rows;

import io.lakefan.finalize.RunFailedException;
import io.lakefan.run.RunSummary;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.source.SourceException;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function end to end, through the real SDK clients: an EventBridge event invokes the real handler behind
 * a fake Lambda, which fans out to itself (extract per table, then finalize) and retries failed invocations
 * like Lambda's async retries; the lake is s3proxy, the login comes from a Secrets Manager endpoint, the data
 * from MariaDB; DuckDB checks what landed.
 */
class HandlerEndToEndTest {
    /** The runId derived from events/scheduled.json (its time and the start of its id). */
    static final String SCHEDULED_RUN = "20261122T020000Z-3f2a9c1b";
    static final String CONFIG = "{\"tables\":["
            + "{\"name\":\"customers\",\"primaryKey\":\"id\"},"
            + "{\"name\":\"orders\",\"mode\":\"incremental\",\"watermark\":\"updated_at\",\"primaryKey\":\"id\"},"
            + "{\"name\":\"notes\",\"primaryKey\":\"id\"}]}";

    static TestDatabase db;
    LambdaRig rig;

    @BeforeAll
    static void database() {
        db = TestDatabase.get();
    }

    @BeforeEach
    void start() {
        rig = LambdaRig.onS3Proxy();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    static byte[] scheduledEvent() throws Exception {
        return Files.readAllBytes(Path.of("events/scheduled.json"));
    }

    static String shop(String prefix) {
        TestDatabase db = TestDatabase.get();
        String d = db.createDatabase(prefix);
        db.exec(d, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), balance DECIMAL(12,2))",
                "INSERT INTO customers SELECT seq, CONCAT('customer ', seq, ' ü 東京'), seq * 1.25 FROM seq_1_to_1500",
                "CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20), updated_at DATETIME(3) NOT NULL)",
                "INSERT INTO orders SELECT seq, 'new', TIMESTAMP('2024-01-01') + INTERVAL seq SECOND FROM seq_1_to_700",
                "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT)");
        return d;
    }

    /** Lake rows of the shop equal the source rows exactly. */
    void assertShopLanded(String d) throws Exception {
        Path lake = rig.download();
        assertEquals(Rows.source(d, "SELECT id, name, balance FROM customers ORDER BY id"),
                Rows.lake("SELECT id, name, balance FROM " + LambdaRig.files(lake, d, "customers") + " ORDER BY id"));
        assertEquals(Rows.source(d, "SELECT id, status, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s') FROM orders ORDER BY id"),
                Rows.lake("SELECT id, status, strftime(updated_at, '%Y-%m-%d %H:%M:%S') FROM "
                        + LambdaRig.files(lake, d, "orders") + " ORDER BY id"));
        assertEquals(List.of(), rig.dataFiles(d, "notes"), "an empty table writes no file");
    }

    @Test
    void scheduledEvent_landsEveryTableExactly_andTheRunSucceeds() throws Exception {
        String d = shop("lambda_sched");
        rig.secret(d).config(CONFIG);

        rig.send(scheduledEvent());
        rig.awaitIdle();

        assertEquals(List.of(), rig.lambda().errors());
        assertShopLanded(d);
        RunSummary summary = rig.summary(SCHEDULED_RUN);
        assertNotNull(summary, "finalize wrote summary.json");
        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(2200, summary.rows());
        assertEquals(Status.EMPTY, rig.status(SCHEDULED_RUN, "notes").status());
        // the schedule, one extract per table, one finalize: nothing more
        assertEquals(5, rig.lambda().count(), rig.lambda().payloads().toString());
        assertEquals(SCHEDULED_RUN, rig.state(d, "orders").lastRunId());
        assertTrue(rig.logs().stream().anyMatch(l -> l.contains("\"action\":\"finalize\"") && l.contains("\"step\":\"end\"")),
                "structured log lines: " + rig.logs());
    }

    @Test
    void scheduledEvent_deliveredTwiceInARow_isOneRunWithoutDuplicates() throws Exception {
        String d = shop("lambda_twice");
        rig.secret(d).config(CONFIG);
        rig.send(scheduledEvent());
        rig.awaitIdle();
        List<String> files = rig.dataFiles(d, "customers");
        int invocations = rig.lambda().count();

        rig.send(scheduledEvent()); // EventBridge delivers at least once
        rig.awaitIdle();

        assertEquals(List.of(), rig.lambda().errors());
        assertEquals(invocations + 1, rig.lambda().count(), "the second dispatch invokes nothing: the run is done");
        assertEquals(files, rig.dataFiles(d, "customers"));
        assertEquals(List.of(SCHEDULED_RUN), rig.keys("_lakefan/runs/").stream()
                .map(k -> k.split("/")[2]).distinct().toList(), "one run");
        assertShopLanded(d);
    }

    @Test
    void scheduledEvent_deliveredTwiceAtOnce_landsEachRowOnce() throws Exception {
        String d = shop("lambda_dup");
        rig.secret(d).config(CONFIG);
        rig.send(scheduledEvent());
        rig.send(scheduledEvent());
        rig.awaitIdle();

        RunSummary summary = rig.summary(SCHEDULED_RUN);
        assertNotNull(summary, "finalize ran: " + rig.lambda().errors());
        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(), rig.lambda().errors());
        assertShopLanded(d);
    }

    @Test
    void extractFailingOnce_succeedsOnLambdasRetry_withExactDataAndNoLeftovers() throws Exception {
        String d = db.createDatabase("lambda_flaky");
        db.exec(d, "CREATE TABLE flaky (id INT PRIMARY KEY, name VARCHAR(50))",
                "INSERT INTO flaky SELECT seq, CONCAT('row ', seq) FROM seq_1_to_3000",
                "CREATE TABLE gate (broken INT)", "INSERT INTO gate VALUES (1)");
        // while gate.broken = 1, row 2500 raises "Subquery returns more than 1 row" mid-stream, after files were written
        String query = "SELECT f.id, f.name, IF(f.id = 2500 AND (SELECT broken FROM gate) = 1,"
                + " (SELECT 1 UNION SELECT 2), 1) AS flag FROM flaky f ORDER BY f.id";
        AtomicInteger filesLeftByFirstAttempt = new AtomicInteger(-1);
        rig.secret(d).config("{\"tables\":[{\"name\":\"flaky\",\"maxRowsPerFile\":500,\"query\":\"" + query + "\"}]}")
                .beforeRetry((invocation, attempt) -> {
                    if (invocation.payloadText().contains("\"table\":\"flaky\"")) {
                        filesLeftByFirstAttempt.set(rig.dataFiles(d, "flaky").size());
                        db.exec(d, "UPDATE gate SET broken = 0");
                    }
                });

        rig.send("{\"action\":\"dispatch\",\"runId\":\"20261122T040000Z-flaky\"}");
        rig.awaitIdle();

        assertEquals(List.of(), rig.lambda().errors());
        TableStatus status = rig.status("20261122T040000Z-flaky", "flaky");
        assertEquals(Status.SUCCESSFUL, status.status(), status.toString());
        assertEquals(2, status.attempts());
        assertEquals(3, status.maxAttempts());
        assertTrue(filesLeftByFirstAttempt.get() >= 0, "the first attempt failed and was retried");
        System.out.println("files the failed first attempt left for the retry to clean up: " + filesLeftByFirstAttempt);
        Path lake = rig.download();
        String files = LambdaRig.files(lake, d, "flaky");
        assertEquals(Rows.source(d, "SELECT id, name FROM flaky ORDER BY id"),
                Rows.lake("SELECT id, name FROM " + files + " ORDER BY id"));
        assertEquals(3000, Rows.count("SELECT count(DISTINCT id) FROM " + files));
        List<String> data = rig.dataFiles(d, "flaky");
        assertEquals(6, data.size(), data.toString());
        assertEquals(status.files().size(), data.size(), "every file in the lake is one the status lists");
        assertTrue(rig.summary("20261122T040000Z-flaky").succeeded());
    }

    @Test
    void extractFailingEveryTime_endsFailedOnItsLastAttempt_andFinalizeStillRunsAndFailsVisibly() throws Exception {
        String d = shop("lambda_ghost");
        rig.secret(d).config("{\"tables\":[{\"name\":\"customers\"},{\"name\":\"ghost\"}]}");
        String run = "20261122T050000Z-ghost";

        rig.send("{\"action\":\"dispatch\",\"runId\":\"" + run + "\"}");
        rig.awaitIdle();

        TableStatus ghost = rig.status(run, "ghost");
        assertEquals(Status.FAILED, ghost.status());
        assertEquals(3, ghost.attempts());
        assertEquals(ghost.maxAttempts(), ghost.attempts());
        assertTrue(ghost.error().contains("does not exist"), ghost.error());
        assertEquals(Status.SUCCESSFUL, rig.status(run, "customers").status());

        RunSummary summary = rig.summary(run);
        assertNotNull(summary, "finalize ran although a table failed");
        assertTrue(!summary.succeeded());
        List<Throwable> errors = rig.lambda().errors();
        assertTrue(errors.stream().anyMatch(e -> e instanceof SourceException && e.getMessage().contains("ghost")),
                "the extract's last attempt failed visibly: " + errors);
        RunFailedException runFailed = (RunFailedException) errors.stream()
                .filter(e -> e instanceof RunFailedException).findFirst().orElseThrow(() -> new AssertionError(
                        "the finalize invocation fails visibly: " + errors));
        assertTrue(runFailed.getMessage().contains("ghost: FAILED"), runFailed.getMessage());
        assertEquals(1, rig.lambda().payloads().stream().filter(p -> p.contains("\"finalize\"")).count(),
                "finalize is invoked once (one claim)");
        // Lambda re-delivered the ghost extract twice and the failing finalize twice (it reports the same summary)
        assertEquals(4, rig.lambda().deliveries() - rig.lambda().count());
    }
}
