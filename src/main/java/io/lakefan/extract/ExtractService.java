package io.lakefan.extract;

import io.lakefan.Lakefan;
import io.lakefan.config.TableConfig;
import io.lakefan.dispatch.Completion;
import io.lakefan.dispatch.Invoker;
import io.lakefan.event.EventCodec;
import io.lakefan.event.ExtractEvent;
import io.lakefan.json.Json;
import io.lakefan.lake.Versioned;
import io.lakefan.run.ChunkPlan;
import io.lakefan.run.ChunkStatus;
import io.lakefan.run.DataFile;
import io.lakefan.run.KeyColumn;
import io.lakefan.run.Leases;
import io.lakefan.run.Plan;
import io.lakefan.run.ReadSlots;
import io.lakefan.run.RunRecords;
import io.lakefan.run.StateStore;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;
import io.lakefan.run.WatermarkState;
import io.lakefan.run.Window;
import io.lakefan.source.JdbcSource;
import io.lakefan.source.SourceException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Extracts one table of a run (DESIGN.md, "Correctness rules"). A table event counts the attempt, takes the
 * table's lease, fixes the window and cuts the read into units ({@link ChunkPlanner}); a single unit runs at
 * once, several are invoked one per chunk. Each unit reads in key order and, when time runs low, commits its
 * files and re-invokes itself to resume after the last key written. The unit that finds every unit terminal
 * claims the table's completion: it advances the watermark (If-Match) and records the table's outcome, then
 * runs the run's completion check. Failures are recorded and rethrown, so that Lambda retries the invocation.
 */
public final class ExtractService {
    private final RunRecords runs;
    private final StateStore states;
    private final Leases leases;
    private final TableReader reader;
    private final Completion completion;
    private final ExtractListener listener;
    private final Invoker invoker;
    private final Clock clock;
    private final Lakefan.Settings settings;
    private final ReadSlots slots;

    public ExtractService(Lakefan.Ports ports, JdbcSource source, Completion completion, Lakefan.Settings settings) {
        this.runs = new RunRecords(ports.lake());
        this.states = new StateStore(ports.lake());
        this.leases = new Leases(ports.lake(), settings.lease());
        this.reader = new TableReader(ports.lake(), source, ports.listener());
        this.completion = completion;
        this.listener = ports.listener();
        this.invoker = ports.invoker();
        this.clock = ports.clock();
        this.settings = settings;
        this.slots = new ReadSlots(ports.lake(), settings.maxConcurrentReads(), settings.lease());
    }

    /** Runs one extract event of a planned run and returns the table's status. */
    public TableStatus extract(Plan plan, ExtractEvent event, TimeBudget budget) {
        TableConfig table = plan.table(event.table()).orElseThrow(() -> new IllegalArgumentException(
                "table '" + event.table() + "' is not part of run " + plan.runId() + " (planned: "
                        + plan.tables().stream().map(TableConfig::lakeName).toList() + ")"));
        return event.chunk() < 0 ? startTable(plan, table, event, budget) : runUnit(plan, table, event, budget);
    }

    private TableStatus startTable(Plan plan, TableConfig table, ExtractEvent event, TimeBudget budget) {
        String name = table.lakeName();
        Instant now = clock.instant();
        TableStatus previous = runs.status(plan.runId(), name).orElse(null);
        if (previous != null && previous.status().done()) {
            // a duplicate delivery or a re-dispatch: the table is done, make sure finalize was triggered
            completion.check(plan);
            return previous;
        }
        Optional<ChunkPlan> planned = runs.chunkPlan(plan.runId(), name);
        if (previous != null && planned.isPresent() && planned.get().units() > 1) {
            return reinvokeUnits(plan, previous, planned.get(), event.hop());
        }
        if (previous != null && planned.isPresent() && !previous.terminal()) {
            // one unit: a retry of the start is a retry of segment 0, unless a continuation is under way
            ChunkStatus unit = runs.chunkStatus(plan.runId(), name, 0).orElse(null);
            if (unit != null && unit.segment() > 0 && !unit.terminal() && !settings.takeOver()
                    && !unit.stale(now, settings.lease())) {
                return previous;
            }
        }
        TableStatus status = previous == null
                ? TableStatus.start(plan.runId(), name, table.name(), plan.maxAttempts(), now)
                : previous.nextAttempt(now);
        runs.save(status);

        var held = leases.acquire(plan.database(), name, plan.runId(), now);
        if (held.isPresent()) {
            return finish(plan, status.skipped("run " + held.get().runId() + " is extracting this table (lease until "
                    + held.get().expiresAt() + ")", clock.instant()));
        }
        ChunkPlan chunks;
        Window window = null;
        try {
            StateStore.Read state = states.read(plan.database(), name);
            try (Connection conn = reader.source().connect()) {
                window = Watermarks.window(conn, table, state.state());
                if (window != null && window.high() == null) {
                    status = status.withOutcome(Status.EMPTY, List.of(), window, 0, clock.instant());
                    advanceWatermark(plan, table, state, status);
                    leases.release(plan.database(), name, plan.runId());
                    return finish(plan, status);
                }
                chunks = runs.createChunkPlan(ChunkPlanner.plan(conn, plan.runId(), table, window, state.etag(), now));
            }
        } catch (SQLException e) {
            throw fail(plan, status, window, Errors.source(table, e));
        } catch (RuntimeException e) {
            throw fail(plan, status, window, e);
        }
        if (chunks.units() == 1) {
            return runUnit(plan, table, new ExtractEvent(plan.runId(), name, 0, Map.of(), event.hop()), budget);
        }
        status = status.withChunks(chunks.units());
        runs.save(status);
        List<ExtractEvent> units = new ArrayList<>();
        for (int i = 0; i < chunks.units(); i++) {
            units.add(new ExtractEvent(plan.runId(), name, i, Map.of(), event.hop() + 1));
        }
        invoker.invokeAll(units);
        return status;
    }

    /** A split table started again: invoke the units that never started, or that died. */
    private TableStatus reinvokeUnits(Plan plan, TableStatus status, ChunkPlan chunks, int hop) {
        Instant now = clock.instant();
        List<ExtractEvent> again = new ArrayList<>();
        for (int i = 0; i < chunks.units(); i++) {
            Optional<ChunkStatus> unit = runs.chunkStatus(plan.runId(), status.table(), i);
            if (unit.isEmpty() || (!unit.get().terminal() && (settings.takeOver() || unit.get().stale(now, settings.lease())))) {
                Map<String, String> position = unit.map(u -> resumePosition(u, u.segment())).orElse(Map.of());
                again.add(new ExtractEvent(plan.runId(), status.table(), i, position, hop + 1));
            }
        }
        invoker.invokeAll(again);
        if (again.isEmpty()) completeTable(plan, plan.table(status.table()).orElseThrow(), chunks);
        return status;
    }

    /** One segment of one unit; then a continuation, or the table's completion check. */
    private TableStatus runUnit(Plan plan, TableConfig table, ExtractEvent event, TimeBudget budget) {
        String name = table.lakeName();
        ChunkPlan chunks = runs.chunkPlan(plan.runId(), name).orElseThrow(() -> new IllegalStateException(
                "chunk " + event.chunk() + " of " + name + " has no chunk plan in run " + plan.runId()));
        if (event.chunk() >= chunks.units()) {
            throw new IllegalArgumentException("table " + name + " has " + chunks.units() + " chunk(s), no chunk "
                    + event.chunk());
        }
        int segment = Integer.parseInt(event.position().getOrDefault("segment", "0"));
        Instant now = clock.instant();
        Optional<Versioned> stored = runs.chunkStatusVersion(plan.runId(), name, event.chunk());
        String etag = stored.map(Versioned::etag).orElse(null);
        ChunkStatus unit = stored.map(v -> Json.read(v.content(), ChunkStatus.class, "chunk status"))
                .orElse(ChunkStatus.start(plan.runId(), name, event.chunk(), plan.maxAttempts(), now));
        if (unit.terminal() || segment < unit.segment()) {
            completeTable(plan, table, chunks); // a duplicate delivery: make sure the table was completed
            return currentStatus(plan, name);
        }
        if (unit.busy(now, settings.claimant()) && !settings.takeOver()) {
            return currentStatus(plan, name); // a duplicate delivery while another invocation works on the unit
        }
        String holder = name + "-c" + event.chunk();
        String slot = null;
        if (!slots.unlimited()) {
            slot = slots.acquire(plan.runId(), holder, now).orElse(null);
            if (slot == null) {
                String waiter = slots.enqueue(plan.runId(), holder, EventCodec.write(event));
                slot = slots.acquire(plan.runId(), holder, now).orElse(null); // a slot freed meanwhile?
                if (slot == null) return currentStatus(plan, name);           // woken when one frees
                if (slots.claim(waiter).isEmpty()) {                           // somebody woke us already
                    slots.release(slot);
                    return currentStatus(plan, name);
                }
            }
        }
        try {
            return runSegment(plan, table, chunks, event, unit, etag, segment, budget);
        } finally {
            if (slot != null) {
                slots.release(slot);
                wakeOne(plan);
            }
        }
    }

    /** Hands a freed read slot to the oldest waiting unit. */
    private void wakeOne(Plan plan) {
        for (String waiter : slots.waiters(plan.runId())) {
            Optional<byte[]> event = slots.claim(waiter);
            if (event.isPresent()) {
                invoker.invokeAsync(EventCodec.parse(event.get()));
                return;
            }
        }
    }

    private TableStatus runSegment(Plan plan, TableConfig table, ChunkPlan chunks, ExtractEvent event,
                                   ChunkStatus unit, String etag, int segment, TimeBudget budget) {
        String name = table.lakeName();
        Instant now = clock.instant();
        long remaining = budget.remainingMillis();
        Instant until = remaining >= settings.lease().toMillis() ? now.plus(settings.lease()) : now.plusMillis(remaining);
        unit = unit.begin(segment, now, settings.claimant(), until);
        if (!runs.saveIfUnchanged(unit, etag)) {
            return currentStatus(plan, name); // a duplicate delivery got here first
        }
        leases.renew(plan.database(), name, plan.runId(), now);

        List<String> after = null;
        if (event.position().containsKey("after")) {
            after = List.of(Json.read(event.position().get("after").getBytes(StandardCharsets.UTF_8), String[].class,
                    "the event's position"));
        }
        int firstPart = Integer.parseInt(event.position().getOrDefault("part", "0"));
        List<KeyColumn> keys = unitKeys(chunks, event.chunk());
        SourceQuery query = ChunkPlanner.range(SourceQuery.of(table).window(chunks.window()), chunks, event.chunk());
        if (after != null) query = KeyOrder.after(query, keys, after);
        if (!keys.isEmpty()) query = query.orderBy(KeyOrder.orderBy(keys));
        TableReader.Unit work = new TableReader.Unit(plan, table, event.chunk(), firstPart, chunks.window(), query,
                keys, chunks.extractedAt());
        ExtractResult result;
        try (Connection conn = reader.source().connect()) {
            result = reader.read(conn, work, budget, keys.isEmpty() ? -1 : settings.timeMargin().toMillis());
        } catch (SQLException e) {
            throw failUnit(plan, table, chunks, unit, Errors.source(table, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failUnit(plan, table, chunks, unit, new IllegalStateException("interrupted", e));
        } catch (RuntimeException e) {
            throw failUnit(plan, table, chunks, unit, e);
        }
        int nextPart = Integer.parseInt(result.resume().getOrDefault("part", Integer.toString(firstPart
                + result.files().size())));
        Map<String, String> resume = result.complete() ? Map.of() : new HashMap<>(result.resume());
        if (!resume.isEmpty()) resume.put("segment", Integer.toString(segment + 1));
        unit = unit.segmentDone(result.files(), resume, nextPart, result.zeroDates(), clock.instant());
        runs.save(unit);
        if (!result.complete()) {
            invoker.invokeAsync(new ExtractEvent(plan.runId(), name, event.chunk(), resume, event.hop() + 1));
            return currentStatus(plan, name);
        }
        completeTable(plan, table, chunks);
        return currentStatus(plan, name);
    }

    private static Map<String, String> resumePosition(ChunkStatus unit, int segment) {
        if (unit.resume().isEmpty()) return Map.of("segment", Integer.toString(segment));
        Map<String, String> p = new HashMap<>(unit.resume());
        p.put("segment", Integer.toString(segment));
        return p;
    }

    /** The NULL unit orders by the tiebreaker keys only (its split values are all NULL). */
    private static List<KeyColumn> unitKeys(ChunkPlan chunks, int chunk) {
        if (!chunks.isNullChunk(chunk)) return chunks.keys();
        return chunks.keys().stream().filter(k -> !k.name().equals(chunks.splitColumn())).toList();
    }

    private TableStatus currentStatus(Plan plan, String table) {
        return runs.status(plan.runId(), table).orElseThrow();
    }

    /** When every unit is terminal, exactly one caller records the table's outcome. */
    private void completeTable(Plan plan, TableConfig table, ChunkPlan chunks) {
        String name = table.lakeName();
        List<ChunkStatus> units = new ArrayList<>();
        for (int i = 0; i < chunks.units(); i++) {
            Optional<ChunkStatus> u = runs.chunkStatus(plan.runId(), name, i);
            if (u.isEmpty() || !u.get().terminal()) return;
            units.add(u.get());
        }
        if (!runs.claimTable(plan.runId(), name, settings.claimant())) return; // the claimer completes it
        try {
            TableStatus status = currentStatus(plan, name);
            List<ChunkStatus> failed = units.stream().filter(u -> !u.status().done()).toList();
            if (!failed.isEmpty()) {
                for (ChunkStatus u : units) reader.deleteParts(plan, name, u.chunk(), 0);
                status = status.failedFinally(failed.size() + " of " + units.size() + " chunk(s) failed; first: chunk "
                        + failed.get(0).chunk() + ": " + failed.get(0).error(), chunks.window(), clock.instant());
            } else {
                List<DataFile> files = units.stream().flatMap(u -> u.files().stream()).toList();
                long zeros = units.stream().mapToLong(ChunkStatus::zeroDates).sum();
                status = status.withOutcome(files.isEmpty() || files.stream().allMatch(f -> f.rows() == 0)
                        ? Status.EMPTY : Status.SUCCESSFUL, files, chunks.window(), zeros, clock.instant());
                StateStore.Read state = states.read(plan.database(), name);
                boolean advancedByUs = state.state() != null && plan.runId().equals(state.state().lastRunId());
                if (advancedByUs) {
                    // an earlier attempt of this completion advanced it, then failed before recording the table
                } else if (!Objects.equals(state.etag(), chunks.stateEtag())
                        || !tryAdvanceWatermark(plan, table, state, status)) {
                    for (ChunkStatus u : units) reader.deleteParts(plan, name, u.chunk(), 0);
                    status = concurrentRun(status, name, chunks);
                }
            }
            finish(plan, status);
            leases.release(plan.database(), name, plan.runId());
        } catch (RuntimeException e) {
            // a lake or network error: give the claim back so that the retry of this invocation completes the table
            try {
                runs.releaseTableClaim(plan.runId(), name);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private TableStatus concurrentRun(TableStatus status, String name, ChunkPlan chunks) {
        return status.failedFinally("another run advanced the watermark of " + name + " while this run was reading it;"
                + " this run's files were removed and the table is left to the other run", chunks.window(),
                clock.instant());
    }

    private void advanceWatermark(Plan plan, TableConfig table, StateStore.Read read, TableStatus status) {
        if (!tryAdvanceWatermark(plan, table, read, status)) {
            throw new IllegalStateException("another run advanced the watermark of " + table.lakeName()
                    + " while this run was reading it");
        }
    }

    /** Writes the table's new state with If-Match on the version read; false when another run changed it. */
    private boolean tryAdvanceWatermark(Plan plan, TableConfig table, StateStore.Read read, TableStatus status) {
        Window w = status.window();
        WatermarkState prev = read.state();
        String value = w == null ? null : (w.high() != null && status.rows() > 0 ? w.high()
                : prev == null ? null : prev.value());
        WatermarkState next = new WatermarkState(table.lakeName(), w == null ? null : w.column(),
                w == null ? null : w.type(), value, plan.runId(), status.finishedAt(), status.rows());
        return states.advance(plan.database(), table.lakeName(), read, next);
    }

    /** A unit's attempt failed: record it; on its last attempt the table may be complete (failed). */
    private RuntimeException failUnit(Plan plan, TableConfig table, ChunkPlan chunks, ChunkStatus unit,
                                      RuntimeException e) {
        try {
            ChunkStatus failed = unit.failed(e.getMessage(), clock.instant());
            runs.save(failed);
            if (chunks.units() == 1 || failed.terminal()) {
                // a one-unit table reports each failed attempt; a split table its final outcome
                TableStatus status = currentStatus(plan, table.lakeName())
                        .failed(e.getMessage(), chunks.window(), clock.instant());
                runs.save(status);
                listener.finished(status);
            }
            if (failed.terminal()) completeTable(plan, table, chunks);
            else if (chunks.units() == 1) leases.release(plan.database(), table.lakeName(), plan.runId());
        } catch (RuntimeException recordFailure) {
            e.addSuppressed(recordFailure);
        }
        return e;
    }

    private RuntimeException fail(Plan plan, TableStatus status, Window window, RuntimeException e) {
        try {
            leases.release(plan.database(), status.table(), plan.runId());
            finish(plan, status.failed(e.getMessage(), window, clock.instant()));
        } catch (RuntimeException recordFailure) {
            e.addSuppressed(recordFailure);
        }
        return e;
    }

    private TableStatus finish(Plan plan, TableStatus status) {
        runs.save(status);
        listener.finished(status);
        if (status.terminal()) completion.check(plan);
        return status;
    }

    /** For messages: a SourceException keeps its message, anything else names the table. */
    static final class Errors {
        private Errors() {
        }

        static RuntimeException source(TableConfig table, SQLException e) {
            String what = "table " + table.name();
            String hint = switch (e.getErrorCode()) {
                case 1146 -> what + " does not exist in the source database: check \"name\" in the config";
                case 1054 -> "a column named in the config or query of " + what
                        + " does not exist: check \"watermark\", \"primaryKey\", \"splitColumn\" and \"query\"";
                case 1064, 1149 -> "the query of " + what + " is not valid SQL: check \"query\"";
                case 1142, 1143 -> "the database user may not read " + what + ": grant SELECT on it";
                default -> e.getSQLState() != null && e.getSQLState().startsWith("08")
                        ? "the connection to the source was lost while reading " + what
                        + "; the attempt failed and nothing it wrote was kept"
                        : "reading " + what + " failed";
            };
            return new SourceException(hint + " (" + e.getMessage() + ")", e);
        }
    }
}
