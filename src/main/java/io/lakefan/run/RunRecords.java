package io.lakefan.run;

import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.Versioned;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads and writes a run's records under {@code _lakefan/runs/<runId>/}. */
public final class RunRecords {
    private final ObjectStore lake;

    public RunRecords(ObjectStore lake) {
        this.lake = lake;
    }

    public ObjectStore lake() {
        return lake;
    }

    /**
     * Writes the plan unless the run already has one, and returns the plan in force: re-dispatching a run
     * (a duplicate EventBridge delivery) reuses the first plan.
     */
    public Plan createPlan(Plan plan) {
        if (lake.putIfAbsent(LakeLayout.plan(plan.runId()), Json.write(plan))) return plan;
        return plan(plan.runId()).orElseThrow();
    }

    public Optional<Plan> plan(String runId) {
        return lake.get(LakeLayout.plan(runId)).map(v -> Json.read(v.content(), Plan.class, LakeLayout.plan(runId)));
    }

    public Optional<TableStatus> status(String runId, String table) {
        String key = LakeLayout.tableStatus(runId, table);
        return lake.get(key).map(v -> Json.read(v.content(), TableStatus.class, key));
    }

    /** Writes a table's record; a terminal one also leaves an empty marker, so completion is one listing. */
    public void save(TableStatus status) {
        lake.put(LakeLayout.tableStatus(status.runId(), status.table()), Json.write(status));
        if (status.terminal()) lake.put(LakeLayout.tableDone(status.runId(), status.table()), new byte[0]);
    }

    /** Whether every planned table has reached a terminal status. */
    public boolean allTerminal(Plan plan) {
        // one LIST of the markers instead of a GET per table: every table's end runs this check
        java.util.Set<String> done = terminalTables(plan.runId());
        return plan.tables().stream().allMatch(t -> done.contains(t.lakeName()));
    }

    /** The lake names of the run's tables that reached a terminal status. */
    public java.util.Set<String> terminalTables(String runId) {
        String prefix = LakeLayout.tableDone(runId, "");
        java.util.Set<String> done = new java.util.HashSet<>();
        for (StoredObject o : lake.list(prefix)) done.add(o.key().substring(prefix.length()));
        return done;
    }

    /**
     * Claims the right to start finalize ({@code If-None-Match: *} on {@code finalize.claim}); exactly one
     * caller per run gets true.
     */
    public boolean claimFinalize(String runId, String claimant) {
        return lake.putIfAbsent(LakeLayout.finalizeClaim(runId), claimBody(claimant));
    }

    /** A claim's content is unique (claimant and a nonce), so a retried write can recognise its own object. */
    private static byte[] claimBody(String claimant) {
        return (claimant + " " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the chunk plan unless one exists (a retried start reuses the first plan); returns the plan in force. */
    public ChunkPlan createChunkPlan(ChunkPlan plan) {
        String key = LakeLayout.chunkPlan(plan.runId(), plan.table());
        if (lake.putIfAbsent(key, Json.write(plan))) return plan;
        return chunkPlan(plan.runId(), plan.table()).orElseThrow();
    }

    public Optional<ChunkPlan> chunkPlan(String runId, String table) {
        String key = LakeLayout.chunkPlan(runId, table);
        return lake.get(key).map(v -> Json.read(v.content(), ChunkPlan.class, key));
    }

    public Optional<ChunkStatus> chunkStatus(String runId, String table, int chunk) {
        String key = LakeLayout.chunkStatus(runId, table, chunk);
        return lake.get(key).map(v -> Json.read(v.content(), ChunkStatus.class, key));
    }

    /** The unit's record with its version tag, for a conditional update. */
    public Optional<Versioned> chunkStatusVersion(String runId, String table, int chunk) {
        return lake.get(LakeLayout.chunkStatus(runId, table, chunk));
    }

    /** Writes the unit's record only if it is still the version read ({@code etag} null: only if absent). */
    public boolean saveIfUnchanged(ChunkStatus status, String etag) {
        String key = LakeLayout.chunkStatus(status.runId(), status.table(), status.chunk());
        return etag == null ? lake.putIfAbsent(key, Json.write(status)) : lake.putIfMatch(key, Json.write(status), etag);
    }

    public void save(ChunkStatus status) {
        lake.put(LakeLayout.chunkStatus(status.runId(), status.table(), status.chunk()), Json.write(status));
    }

    /** Claims the completion of a table whose units are all terminal; exactly one caller gets true. */
    public boolean claimTable(String runId, String table, String claimant) {
        return lake.putIfAbsent(LakeLayout.tableClaim(runId, table), claimBody(claimant));
    }

    /** Gives a table's completion claim back (its holder failed before recording the table). */
    public void releaseTableClaim(String runId, String table) {
        lake.delete(List.of(LakeLayout.tableClaim(runId, table)));
    }

    /** Gives the finalize claim back (finalize could not be invoked). */
    public void releaseFinalizeClaim(String runId) {
        lake.delete(List.of(LakeLayout.finalizeClaim(runId)));
    }

    public void saveSummary(RunSummary summary) {
        lake.put(LakeLayout.summary(summary.runId()), Json.write(summary));
    }

    public Optional<RunSummary> summary(String runId) {
        return lake.get(LakeLayout.summary(runId)).map(v -> Json.read(v.content(), RunSummary.class, "summary"));
    }
}
