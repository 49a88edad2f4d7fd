package io.lakefan.dispatch;

import io.lakefan.config.ConfigException;
import io.lakefan.config.LakefanConfig;
import io.lakefan.config.TableConfig;
import io.lakefan.event.DispatchEvent;
import io.lakefan.event.ExtractEvent;
import io.lakefan.lake.LakeLayout;
import io.lakefan.run.Plan;
import io.lakefan.run.RunRecords;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plans a run and fans out one extract per table. The plan is written with If-None-Match, so dispatching
 * the same run again (a duplicate scheduled delivery) reuses it, and tables that are already done are not
 * invoked again.
 */
public final class Dispatcher {
    private final RunRecords runs;
    private final Invoker invoker;
    private final Supplier<LakefanConfig> config;
    private final Supplier<String> database;
    private final Clock clock;
    private final int maxAttempts;

    public Dispatcher(RunRecords runs, Invoker invoker, Supplier<LakefanConfig> config, Supplier<String> database,
                      Clock clock, int maxAttempts) {
        this.runs = runs;
        this.invoker = invoker;
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** Plans (or re-reads) the run and invokes every table not yet done; returns the plan in force. */
    public Plan dispatch(DispatchEvent event) {
        String runId = event.runId() != null ? LakeLayout.checkRunId(event.runId()) : RunIds.next(clock, "");
        Plan plan = runs.plan(runId).orElseGet(() -> runs.createPlan(newPlan(runId, event.tables())));
        if (runs.summary(runId).isPresent()) return plan; // finalized: the run is over
        // one listing of the run's statuses, not one request per table: 1,000 tables dispatch in seconds
        Set<String> done = runs.terminalTables(runId);
        List<ExtractEvent> children = new ArrayList<>();
        for (TableConfig t : plan.tables()) {
            if (!done.contains(t.lakeName())) {
                children.add(new ExtractEvent(runId, t.lakeName(), -1, Map.of(), event.hop() + 1));
            }
        }
        invoker.invokeAll(children);
        return plan;
    }

    /** A plan for one table, for an ad-hoc extract. */
    public Plan planOne(String runId, String table) {
        return runs.createPlan(newPlan(runId, List.of(table)));
    }

    private Plan newPlan(String runId, List<String> only) {
        LakefanConfig cfg = config.get();
        List<TableConfig> tables = cfg.tables();
        if (!only.isEmpty()) {
            List<String> unknown = only.stream().filter(n -> cfg.table(n).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw new ConfigException("(the event's \"tables\")", List.of("unknown table(s) " + unknown
                        + "; configured tables are " + tables.stream().map(TableConfig::name).toList()));
            }
            tables = tables.stream().filter(t -> only.contains(t.name()) || only.contains(t.lakeName())).toList();
        }
        Instant now = clock.instant();
        return new Plan(runId, database.get(), now.atOffset(ZoneOffset.UTC).toLocalDate(), now, maxAttempts, tables);
    }
}
