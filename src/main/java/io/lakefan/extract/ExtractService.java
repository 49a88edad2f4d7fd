package io.lakefan.extract;

import io.lakefan.config.TableConfig;
import io.lakefan.dispatch.Completion;
import io.lakefan.event.ExtractEvent;
import io.lakefan.lake.ObjectStore;
import io.lakefan.run.Leases;
import io.lakefan.run.Plan;
import io.lakefan.run.RunRecords;
import io.lakefan.run.StateStore;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;
import io.lakefan.run.WatermarkState;
import io.lakefan.run.Window;
import io.lakefan.source.JdbcSource;
import io.lakefan.source.SourceException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Extracts one table of a run: counts the attempt, takes the table's lease, reads the window, writes the
 * files, advances the watermark (If-Match) and records the outcome; then the completion check. Failures
 * are recorded and rethrown, so that Lambda retries the invocation.
 */
public final class ExtractService {
    private final RunRecords runs;
    private final StateStore states;
    private final Leases leases;
    private final TableReader reader;
    private final Completion completion;
    private final ExtractListener listener;
    private final Clock clock;

    public ExtractService(ObjectStore lake, JdbcSource source, Completion completion, ExtractListener listener,
                          Leases leases, Clock clock) {
        this.runs = new RunRecords(lake);
        this.states = new StateStore(lake);
        this.leases = leases;
        this.reader = new TableReader(lake, source, listener);
        this.completion = completion;
        this.listener = listener;
        this.clock = clock;
    }

    /** Runs one extract event of a planned run and returns the table's status. */
    public TableStatus extract(Plan plan, ExtractEvent event, TimeBudget budget) {
        TableConfig table = plan.table(event.table()).orElseThrow(() -> new IllegalArgumentException(
                "table '" + event.table() + "' is not part of run " + plan.runId() + " (planned: "
                        + plan.tables().stream().map(TableConfig::lakeName).toList() + ")"));
        String name = table.lakeName();
        Instant now = clock.instant();
        TableStatus previous = runs.status(plan.runId(), name).orElse(null);
        if (previous != null && previous.status().done()) {
            // a duplicate delivery or a re-dispatch: the table is done, make sure finalize was triggered
            completion.check(plan);
            return previous;
        }
        var held = leases.acquire(plan.database(), name, plan.runId(), now, budget.remainingMillis());
        if (held.isPresent() && held.get().runId().equals(plan.runId())) {
            // a duplicate delivery of this event while another invocation works on it: that one records the outcome
            return previous != null ? previous : TableStatus.start(plan.runId(), name, table.name(), plan.maxAttempts(), now);
        }
        TableStatus status = previous == null
                ? TableStatus.start(plan.runId(), name, table.name(), plan.maxAttempts(), now)
                : previous.nextAttempt(now);
        runs.save(status);
        if (held.isPresent()) {
            status = status.skipped("run " + held.get().runId() + " is extracting this table (lease until "
                    + held.get().expiresAt() + ")", clock.instant());
            return finish(plan, status);
        }
        Window window = null;
        try {
            StateStore.Read state = states.read(plan.database(), name);
            ExtractResult result;
            try (Connection conn = reader.source().connect()) {
                window = Watermarks.window(conn, table, state.state());
                if (window != null && window.high() == null) {
                    result = new ExtractResult(List.of(), window, 0, null);
                } else {
                    SourceQuery query = SourceQuery.of(table).window(window);
                    result = reader.read(conn, new TableReader.Unit(plan, table, 0, 0, window, query, now));
                }
            }
            status = status.withOutcome(result.rows() == 0 ? Status.EMPTY : Status.SUCCESSFUL, result.files(),
                    result.window(), result.zeroDates(), clock.instant());
            advanceWatermark(plan, table, state, status);
            return finish(plan, status);
        } catch (SQLException e) {
            throw fail(plan, status, window, Errors.source(table, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(plan, status, window, new IllegalStateException("interrupted", e));
        } catch (RuntimeException e) {
            throw fail(plan, status, window, e);
        } finally {
            leases.release(plan.database(), name, plan.runId());
        }
    }

    private void advanceWatermark(Plan plan, TableConfig table, StateStore.Read read, TableStatus status) {
        Window w = status.window();
        WatermarkState prev = read.state();
        String value = w == null ? null : (w.high() != null && status.rows() > 0 ? w.high()
                : prev == null ? null : prev.value());
        WatermarkState next = new WatermarkState(table.lakeName(), w == null ? null : w.column(),
                w == null ? null : w.type(), value, plan.runId(), status.finishedAt(), status.rows());
        if (!states.advance(plan.database(), table.lakeName(), read, next)) {
            // another run advanced the watermark since we read it: our rows would duplicate its rows
            reader.deleteLeftovers(new TableReader.Unit(plan, table, 0, 0, w, null, null));
            throw new IllegalStateException("another run advanced the watermark of " + table.lakeName()
                    + " while this run was reading it; this run's files were removed and the table is left to "
                    + "the other run");
        }
    }

    private RuntimeException fail(Plan plan, TableStatus status, Window window, RuntimeException e) {
        TableStatus failed = status.failed(e.getMessage(), window, clock.instant());
        try {
            finish(plan, failed);
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
