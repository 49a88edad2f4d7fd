package io.lakefan;

import io.lakefan.config.LakefanConfig;
import io.lakefan.config.Names;
import io.lakefan.dispatch.Completion;
import io.lakefan.dispatch.Dispatcher;
import io.lakefan.dispatch.Invoker;
import io.lakefan.dispatch.RunIds;
import io.lakefan.event.DispatchEvent;
import io.lakefan.event.EventException;
import io.lakefan.event.ExtractEvent;
import io.lakefan.event.FinalizeEvent;
import io.lakefan.event.LakefanEvent;
import io.lakefan.extract.ExtractListener;
import io.lakefan.extract.ExtractService;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.Finalizer;
import io.lakefan.finalize.RowCounter;
import io.lakefan.finalize.Views;
import io.lakefan.lake.ObjectStore;
import io.lakefan.run.Leases;
import io.lakefan.run.Plan;
import io.lakefan.run.RunRecords;
import io.lakefan.run.TimeBudget;
import io.lakefan.source.CredentialSource;
import io.lakefan.source.JdbcSource;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * lakefan's entry point for every role: dispatch, extract, finalize. The Lambda handler and the CLI both
 * build one from their adapters ({@link Ports}) and hand it events; the code that runs is the same.
 */
public final class Lakefan {

    /**
     * The adapters lakefan runs on.
     *
     * @param lake        the lake (S3 or a folder)
     * @param invoker     the fan-out (Lambda API or a thread pool)
     * @param credentials the source database login
     * @param config      the table list (read when a run is planned)
     * @param catalog     the catalog step of finalize
     * @param counter     the independent row count of finalize's validation
     * @param views       latest-view creation
     * @param listener    progress of extracts
     * @param clock       time
     */
    public record Ports(ObjectStore lake, Invoker invoker, CredentialSource credentials,
                        Supplier<LakefanConfig> config, Catalog catalog, RowCounter counter, Views views,
                        ExtractListener listener, Clock clock) {
    }

    /**
     * @param maxAttempts attempts per extract (1 + Lambda's async retries)
     * @param lease       how long a table's lease lasts before another run may take it over
     * @param maxHops     self-invocations allowed in one run before recursion is stopped
     * @param claimant    who claims finalize (the request id), for the claim object
     * @param timeMargin  remaining time under which a read stops, commits its files and continues in a new
     *                    invocation
     * @param takeOver    units left RUNNING by an earlier process are run again at once (a resumed CLI run,
     *                    whose earlier process is known to be dead); otherwise only once their lease ran out
     * @param maxConcurrentReads how many units of one run may read the source at once; 0 for no cap
     */
    public record Settings(int maxAttempts, Duration lease, int maxHops, String claimant, Duration timeMargin,
                           boolean takeOver, int maxConcurrentReads) {
        public Settings {
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        }

        /** Settings for a run in this process: one attempt, no time limit. */
        public static Settings local(String claimant) {
            return new Settings(1, Duration.ofHours(6), 500, claimant, Duration.ofSeconds(60), false, 0);
        }

        public Settings withMaxAttempts(int n) {
            return new Settings(n, lease, maxHops, claimant, timeMargin, takeOver, maxConcurrentReads);
        }

        public Settings withTakeOver(boolean t) {
            return new Settings(maxAttempts, lease, maxHops, claimant, timeMargin, t, maxConcurrentReads);
        }

        public Settings withLease(Duration d) {
            return new Settings(maxAttempts, d, maxHops, claimant, timeMargin, takeOver, maxConcurrentReads);
        }

        public Settings withMaxConcurrentReads(int n) {
            return new Settings(maxAttempts, lease, maxHops, claimant, timeMargin, takeOver, n);
        }
    }

    private final Ports ports;
    private final Settings settings;
    private final RunRecords runs;
    private final Dispatcher dispatcher;
    private final ExtractService extracts;
    private final Finalizer finalizer;

    private Lakefan(Ports ports, Settings settings) {
        this.ports = ports;
        this.settings = settings;
        this.runs = new RunRecords(ports.lake());
        JdbcSource source = JdbcSource.of(ports.credentials());
        this.dispatcher = new Dispatcher(runs, ports.invoker(), ports.config(), () -> Names.lake(source.database()),
                ports.clock(), settings.maxAttempts());
        Completion completion = new Completion(runs, ports.invoker(), settings.claimant());
        this.extracts = new ExtractService(ports, source, completion, settings);
        this.finalizer = new Finalizer(runs, ports.catalog(), ports.counter(), ports.views(), ports.invoker(),
                ports.clock());
    }

    public static Lakefan create(Ports ports, Settings settings) {
        return new Lakefan(ports, settings);
    }

    /**
     * Handles one event and returns what the invocation answers: the plan (dispatch), the table's status
     * (extract), the run summary or a continuation note (finalize). Failures are thrown, never swallowed.
     */
    public Object handle(LakefanEvent event, TimeBudget budget) {
        if (event.hop() > settings.maxHops()) {
            throw new EventException("the event has been passed on " + event.hop() + " times, more than the limit of "
                    + settings.maxHops() + ": stopping a runaway recursion. Event: " + event);
        }
        if (event instanceof DispatchEvent d) return dispatch(d);
        if (event instanceof ExtractEvent e) return extract(e, budget);
        FinalizeEvent f = (FinalizeEvent) event;
        return finalizer.finalizeRun(f, budget).<Object>map(s -> s)
                .orElse(java.util.Map.of("runId", f.runId(), "continued", true));
    }

    public Plan dispatch(DispatchEvent event) {
        return dispatcher.dispatch(event);
    }

    /** Extracts a table of a planned run; an ad-hoc event (no runId) plans a one-table run first. */
    public Object extract(ExtractEvent event, TimeBudget budget) {
        Plan plan;
        if (event.adHoc()) {
            plan = dispatcher.planOne(RunIds.next(ports.clock(), "adhoc-"), event.table());
        } else {
            plan = runs.plan(event.runId()).orElseThrow(() -> new IllegalArgumentException("run " + event.runId()
                    + " has no plan: dispatch it first, or send {\"action\":\"extract\",\"table\":\""
                    + event.table() + "\"} without a runId for an ad-hoc extract"));
        }
        return extracts.extract(plan, event, budget);
    }

    public RunRecords runs() {
        return runs;
    }
}
