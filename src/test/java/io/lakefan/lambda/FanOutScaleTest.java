package io.lakefan.lambda;

import io.lakefan.Lakefan;
import io.lakefan.aws.LakeUri;
import io.lakefan.aws.LambdaInvoker;
import io.lakefan.aws.S3ObjectStore;
import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.event.DispatchEvent;
import io.lakefan.event.EventCodec;
import io.lakefan.event.ExtractEvent;
import io.lakefan.extract.ExtractListener;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.Views;
import io.lakefan.lake.ObjectStore;
import io.lakefan.local.FooterRowCounter;
import io.lakefan.local.StaticCredentials;
import io.lakefan.run.Plan;
import io.lakefan.source.DbCredentials;
import io.lakefan.testing.FakeLambda;
import io.lakefan.testing.S3Server;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dispatching 1,000 tables through the Lambda API (the real SDK client against the fake Lambda, the plan and
 * records in s3proxy): every table invoked exactly once, events small and free of credentials. Prints the
 * time it takes; asserts no time (the machine is shared).
 */
public class FanOutScaleTest {
    static final int TABLES = 1000;
    static final String PASSWORD = "fan-out-S3cret";

    /** Times one dispatch of {@code tables} tables against a record-only fake Lambda; returns the invocations. */
    public static Measured dispatch(int tables, int hop) {
        StringBuilder config = new StringBuilder("{\"tables\":[");
        for (int i = 0; i < tables; i++) config.append(i > 0 ? "," : "").append("{\"name\":\"t").append(i).append("\"}");
        LakefanConfig cfg = ConfigLoader.parse("fan-out test", config.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        try (S3Server s3Server = S3Server.start(); FakeLambda lambda = FakeLambda.start();
             S3Client s3 = s3Server.s3Client(); LambdaClient client = lambda.client(true)) {
            s3Server.createBucket("lake");
            ObjectStore lake = S3ObjectStore.create(s3, LakeUri.parse("s3://lake/raw"));
            Lakefan lakefan = Lakefan.create(new Lakefan.Ports(lake, LambdaInvoker.create(client, "lakefan:live"),
                            new StaticCredentials(DbCredentials.of("jdbc:mysql://db.internal:3306/shop", "etl", PASSWORD)),
                            () -> cfg, Catalog.NONE, new FooterRowCounter(lake), Views.NONE, ExtractListener.NONE,
                            Clock.systemUTC()),
                    Lakefan.Settings.local("dispatcher").withMaxAttempts(3).withLease(Duration.ofMinutes(20)));
            // warm the clients and the JIT a little, as a warm container would be
            lake.put("warm-up", new byte[1]);
            long t0 = System.nanoTime();
            Plan plan = lakefan.dispatch(new DispatchEvent("20261122T100000Z-fanout", List.of(), hop));
            long nanos = System.nanoTime() - t0;
            assertTrue(lambda.awaitIdle(Duration.ofSeconds(30)));
            List<FakeLambda.Invocation> invocations = lambda.invocations();
            // the invokes alone, for the breakdown
            List<ExtractEvent> again = plan.tables().stream().map(t -> ExtractEvent.of(plan.runId(), t.lakeName())).toList();
            long t1 = System.nanoTime();
            LambdaInvoker.create(client, "lakefan:live").invokeAll(again);
            long invokeNanos = System.nanoTime() - t1;
            return new Measured(plan, invocations, nanos, invokeNanos);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Measured(Plan plan, List<FakeLambda.Invocation> invocations, long nanos, long invokeNanos) {
        public double seconds() {
            return nanos / 1e9;
        }
    }

    @Test
    void dispatch_ofAThousandTables_invokesEachTableOnce_withSmallEventsAndNoCredentials() {
        Measured m = dispatch(TABLES, 0);
        System.out.printf("dispatch of %,d tables through the Lambda API (fake Lambda, s3proxy): %.2f s"
                + " (of which %,d async invokes alone: %.2f s)%n", TABLES, m.seconds(), TABLES, m.invokeNanos() / 1e9);

        assertEquals(TABLES, m.plan().tables().size());
        assertEquals(TABLES, m.invocations().size());
        Map<String, Long> perTable = m.invocations().stream()
                .map(i -> (ExtractEvent) EventCodec.parse(i.payload()))
                .collect(Collectors.groupingBy(ExtractEvent::table, Collectors.counting()));
        assertEquals(IntStream.range(0, TABLES).mapToObj(i -> "t" + i).collect(Collectors.toSet()), perTable.keySet());
        assertTrue(perTable.values().stream().allMatch(n -> n == 1), "each table exactly once");
        for (FakeLambda.Invocation i : m.invocations()) {
            assertEquals("Event", i.type());
            assertEquals("lakefan:live", i.function());
            String p = i.payloadText();
            assertTrue(p.length() < 200, p);
            assertFalse(p.contains(PASSWORD) || p.contains("jdbc") || p.contains("db.internal") || p.contains("etl"), p);
        }
    }

    @Test
    void childEvents_carryTheHopCounterOneFurther_soRecursionEnds() {
        Measured m = dispatch(3, 7);
        assertTrue(m.invocations().stream().map(i -> EventCodec.parse(i.payload()).hop()).allMatch(h -> h == 8),
                m.invocations().stream().map(FakeLambda.Invocation::payloadText).toList().toString());
    }
}
