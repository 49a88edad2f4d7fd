package io.lakefan.testing;

import io.lakefan.Lakefan;
import io.lakefan.aws.LakeUri;
import io.lakefan.aws.S3ObjectStore;
import io.lakefan.aws.S3Options;
import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.event.DispatchEvent;
import io.lakefan.event.FinalizeEvent;
import io.lakefan.event.LakefanEvent;
import io.lakefan.extract.ExtractListener;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.RowCounter;
import io.lakefan.finalize.Views;
import io.lakefan.local.StaticCredentials;
import io.lakefan.local.ThreadPoolInvoker;
import io.lakefan.run.Plan;
import io.lakefan.run.RunSummary;
import io.lakefan.run.TimeBudget;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * An AWS-shaped lake for tests: s3proxy (files on disk), {@link FakeGlue} and {@link FakeAthena} over it, and a way
 * to run lakefan end to end (dispatch, extracts on a thread pool from the test MariaDB, finalize) with the
 * finalize adapters a test chooses.
 */
public final class AwsLake implements AutoCloseable {
    public static final String BUCKET = "lake";

    public final S3Server s3;
    public final S3Client s3Client;
    public final LakeUri root;
    public final S3ObjectStore store;
    public final FakeGlue glue;
    public final FakeAthena athena;

    private AwsLake() {
        s3 = S3Server.start();
        s3.createBucket(BUCKET);
        s3Client = s3.s3Client();
        root = LakeUri.parse("s3://" + BUCKET + "/raw");
        store = S3ObjectStore.create(s3Client, root, S3Options.defaults());
        glue = FakeGlue.start(s3.dir());
        athena = FakeAthena.start(glue);
    }

    public static AwsLake start() {
        return new AwsLake();
    }

    /** The finalize adapters of a run. */
    public record Finalize(Catalog catalog, RowCounter counter, Views views) {
    }

    /** What a run did: its plan, summary (null when none was written) and every event handled. */
    public record Run(Plan plan, RunSummary summary, List<LakefanEvent> events, List<Throwable> failures) {
        public List<FinalizeEvent> finalizeEvents() {
            return events.stream().filter(e -> e instanceof FinalizeEvent).map(e -> (FinalizeEvent) e).toList();
        }
    }

    /** Runs every table of {@code configJson} from {@code database}, finalize with an unlimited budget. */
    public Run run(String database, String configJson, Finalize f) {
        return run(database, configJson, f, Clock.systemUTC(), TimeBudget::unlimited, null);
    }

    /**
     * The same with a clock (another day: another ingest_date), a budget for each finalize invocation, and a hook
     * called while the run goes on (for example to release a crawler once a continuation was seen); null for none.
     */
    public Run run(String database, String configJson, Finalize f, Clock clock, Supplier<TimeBudget> finalizeBudget,
                   java.util.function.Consumer<List<LakefanEvent>> whileRunning) {
        LakefanConfig config = ConfigLoader.parse("test", configJson.getBytes(StandardCharsets.UTF_8));
        List<LakefanEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (ThreadPoolInvoker invoker = new ThreadPoolInvoker(4, 1)) {
            Lakefan lakefan = Lakefan.create(new Lakefan.Ports(store, invoker,
                            new StaticCredentials(TestDatabase.get().credentials(database)), () -> config, f.catalog(),
                            f.counter(), f.views(), ExtractListener.NONE, clock),
                    Lakefan.Settings.local("test"));
            invoker.bind((e, b) -> {
                events.add(e);
                return lakefan.handle(e, e instanceof FinalizeEvent ? finalizeBudget.get() : b);
            });
            Plan plan = lakefan.dispatch(new DispatchEvent(null, List.of(), 0));
            if (whileRunning != null) whileRunning.accept(events);
            invoker.awaitIdle();
            if (lakefan.runs().summary(plan.runId()).isEmpty()) {
                StringBuilder why = new StringBuilder("no summary for run " + plan.runId() + "; records:");
                for (var o : store.list(io.lakefan.lake.LakeLayout.runPrefix(plan.runId()))) {
                    why.append("\n  ").append(o.key()).append(": ").append(new String(store.get(o.key()).orElseThrow().content(), StandardCharsets.UTF_8));
                }
                invoker.failures().forEach(failure -> why.append("\n  invocation failed: ").append(failure));
                System.err.println(why);
                invoker.failures().forEach(Throwable::printStackTrace);
            }
            return new Run(plan, lakefan.runs().summary(plan.runId()).orElse(null), List.copyOf(events),
                    invoker.failures());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code s3://lake/raw/<relative>}. */
    public String location(String relative) {
        return root.describe(relative);
    }

    @Override
    public void close() {
        athena.close();
        glue.close();
        s3Client.close();
        s3.close();
    }
}
