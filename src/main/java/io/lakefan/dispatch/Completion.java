package io.lakefan.dispatch;

import io.lakefan.event.FinalizeEvent;
import io.lakefan.run.Plan;
import io.lakefan.run.RunRecords;

/**
 * The completion check of DESIGN.md: after a table reaches a terminal status, see whether every planned
 * table has; the one caller that creates {@code finalize.claim} (If-None-Match) invokes finalize.
 */
public final class Completion {
    private final RunRecords runs;
    private final Invoker invoker;
    private final String claimant;

    public Completion(RunRecords runs, Invoker invoker, String claimant) {
        this.runs = runs;
        this.invoker = invoker;
        this.claimant = claimant;
    }

    /** True when this call claimed the run and invoked finalize. */
    public boolean check(Plan plan) {
        if (!runs.allTerminal(plan)) return false;
        if (!runs.claimFinalize(plan.runId(), claimant)) return false;
        try {
            invoker.invokeAsync(FinalizeEvent.of(plan.runId()));
        } catch (RuntimeException e) {
            // give the claim back: the retry of this invocation (or another table's check) starts finalize
            try {
                runs.releaseFinalizeClaim(plan.runId());
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        return true;
    }
}
