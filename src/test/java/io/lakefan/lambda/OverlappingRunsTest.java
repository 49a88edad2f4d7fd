package io.lakefan.lambda;

import io.lakefan.testing.Rows;

import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.run.Leases;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.run.WatermarkState;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two runs of the same table at once: never both extract it, never both advance its watermark. */
class OverlappingRunsTest {
    static final String CONFIG = "{\"tables\":[{\"name\":\"events\",\"mode\":\"incremental\","
            + "\"watermark\":\"at\",\"primaryKey\":\"id\",\"maxRowsPerFile\":5000}]}";
    TestDatabase db = TestDatabase.get();
    LambdaRig rig;

    @BeforeEach
    void start() {
        rig = LambdaRig.onS3Proxy();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private String eventsTable(String prefix, int rows) {
        String d = db.createDatabase(prefix);
        db.exec(d, "CREATE TABLE events (id INT PRIMARY KEY, at DATETIME(3) NOT NULL, payload VARCHAR(200))",
                "INSERT INTO events SELECT seq, TIMESTAMP('2024-01-01') + INTERVAL seq SECOND, REPEAT('x', 150)"
                        + " FROM seq_1_to_" + rows);
        return d;
    }

    @Test
    void twoRunsDispatchedAtOnce_landEachRowOnce_andOneOfThemOwnsTheWatermark() throws Exception {
        String d = eventsTable("lambda_overlap", 30_000);
        rig.secret(d).config(CONFIG);
        String a = "20261122T080000Z-runa";
        String b = "20261122T080000Z-runb";

        rig.send("{\"action\":\"dispatch\",\"runId\":\"" + a + "\"}");
        rig.send("{\"action\":\"dispatch\",\"runId\":\"" + b + "\"}");
        rig.awaitIdle();

        TableStatus sa = rig.status(a, "events");
        TableStatus sb = rig.status(b, "events");
        System.out.println("overlapping runs: " + a + " " + sa.status() + " " + sa.rows() + " rows; " + b + " "
                + sb.status() + " " + sb.rows() + " rows");
        assertEquals(1, List.of(sa, sb).stream().filter(s -> s.status() == Status.SUCCESSFUL).count(),
                "exactly one run extracted the rows: " + sa + " / " + sb);
        TableStatus other = sa.status() == Status.SUCCESSFUL ? sb : sa;
        assertTrue(Set.of(Status.SKIPPED, Status.EMPTY).contains(other.status()), other.toString());
        WatermarkState state = rig.state(d, "events");
        assertTrue(Set.of(a, b).contains(state.lastRunId()), state.toString());
        Path lake = rig.download();
        String files = LambdaRig.files(lake, d, "events");
        assertEquals(30_000, Rows.count("SELECT count(*) FROM " + files));
        assertEquals(30_000, Rows.count("SELECT count(DISTINCT id) FROM " + files));
        assertTrue(rig.summary(a).succeeded() && rig.summary(b).succeeded());
        assertEquals(List.of(), rig.lambda().errors());
    }

    @Test
    void tableLeasedByAnotherRun_isSkippedWithoutReadingOrAdvancingTheWatermark() throws Exception {
        String d = eventsTable("lambda_leased", 100);
        rig.secret(d).config(CONFIG);
        String holder = "20261122T090000Z-holder";
        // another run's live lease, as its extract would hold it
        rig.put(LakeLayout.lock(d, "events"), Json.write(new Leases.Lease(holder,
                Instant.now().plusSeconds(600))));
        String run = "20261122T090500Z-late";

        rig.send("{\"action\":\"dispatch\",\"runId\":\"" + run + "\"}");
        rig.awaitIdle();

        TableStatus s = rig.status(run, "events");
        assertEquals(Status.SKIPPED, s.status());
        assertTrue(s.error().contains(holder), s.error());
        assertEquals(List.of(), rig.dataFiles(d, "events"));
        assertEquals(null, rig.state(d, "events"), "the watermark was not touched");
        assertTrue(rig.summary(run).succeeded(), "a skipped table does not fail the run");
    }
}
