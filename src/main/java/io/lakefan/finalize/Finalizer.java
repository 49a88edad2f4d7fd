package io.lakefan.finalize;

import io.lakefan.config.TableConfig;
import io.lakefan.dispatch.Invoker;
import io.lakefan.event.FinalizeEvent;
import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.run.Plan;
import io.lakefan.run.RunRecords;
import io.lakefan.run.RunSummary;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finalizes a run (DESIGN.md, "Finalize"): catalog, row-count validation, latest views, then the run summary
 * and one log record per table. Throws {@link RunFailedException} after saving the summary when any table
 * failed, so the failure is visible (Lambda's OnFailure destination, the CLI's exit code).
 */
public final class Finalizer {
    private final RunRecords runs;
    private final Catalog catalog;
    private final RowCounter counter;
    private final Views views;
    private final Invoker invoker;
    private final Clock clock;

    public Finalizer(RunRecords runs, Catalog catalog, RowCounter counter, Views views, Invoker invoker, Clock clock) {
        this.runs = runs;
        this.catalog = catalog;
        this.counter = counter;
        this.views = views;
        this.invoker = invoker;
        this.clock = clock;
    }

    /** The summary, or empty when the work continues in a new invocation (a crawler still running). */
    public Optional<RunSummary> finalizeRun(FinalizeEvent event, TimeBudget budget) {
        Plan plan = runs.plan(event.runId()).orElseThrow(() -> new IllegalArgumentException(
                "run " + event.runId() + " has no plan at " + runs.lake().describe(LakeLayout.plan(event.runId()))
                        + ": check the runId"));
        Optional<RunSummary> existing = runs.summary(plan.runId());
        if (existing.isPresent()) return report(existing.get());

        List<TableStatus> tables = new ArrayList<>();
        for (TableConfig t : plan.tables()) {
            tables.add(runs.status(plan.runId(), t.lakeName()).orElse(
                    TableStatus.start(plan.runId(), t.lakeName(), t.name(), plan.maxAttempts(), plan.createdAt())
                            .failed("the extract never recorded a status (it did not run, or was killed)", null,
                                    clock.instant())));
        }
        List<TableStatus> landed = tables.stream().filter(s -> s.status() == Status.SUCCESSFUL).toList();
        List<String> notes = new ArrayList<>();

        CatalogResult cat = catalog.update(plan, landed, event.waiting(), budget);
        if (!cat.finished()) {
            invoker.invokeAsync(new FinalizeEvent(plan.runId(), cat.waiting(), event.hop() + 1));
            return Optional.empty();
        }
        notes.addAll(cat.notes());
        List<TableStatus> checked = new ArrayList<>();
        for (TableStatus s : tables) {
            TableConfig cfg = plan.table(s.table()).orElseThrow();
            String catalogError = cat.tableErrors().get(s.table());
            if (catalogError != null && s.status().done()) {
                s = s.withStatus(Status.FAILED, "catalog: " + catalogError);
            }
            if (s.status() == Status.SUCCESSFUL && cfg.validate()) s = validate(plan, s);
            if (cfg.latestView() && s.status().done()) {
                try {
                    List<String> made = views.createLatest(plan, cfg);
                    if (!made.isEmpty()) notes.add(s.table() + ": views " + made);
                } catch (RuntimeException e) {
                    s = s.withStatus(Status.FAILED, "latest view: " + e.getMessage());
                }
            }
            runs.save(s);
            runs.lake().put(LakeLayout.log(plan.database(), s.table(), plan.runId()), Json.write(s));
            checked.add(s);
        }
        boolean ok = checked.stream().allMatch(s -> s.status().done());
        RunSummary summary = new RunSummary(plan.runId(), plan.database(), ok, plan.createdAt(), clock.instant(),
                checked.stream().mapToLong(TableStatus::rows).sum(),
                checked.stream().mapToLong(TableStatus::bytes).sum(), checked, notes);
        runs.saveSummary(summary);
        return report(summary);
    }

    private TableStatus validate(Plan plan, TableStatus s) {
        try {
            long found = counter.count(plan, s);
            if (found != s.rows()) {
                return s.withStatus(Status.VALIDATION_FAILED, "the lake holds " + found + " rows of run "
                        + plan.runId() + " but the extract wrote " + s.rows());
            }
            return s;
        } catch (RuntimeException e) {
            return s.withStatus(Status.VALIDATION_FAILED, "validation could not run: " + e.getMessage());
        }
    }

    private static Optional<RunSummary> report(RunSummary summary) {
        if (!summary.succeeded()) throw new RunFailedException(summary);
        return Optional.of(summary);
    }
}
