package io.lakefan.aws;

import io.lakefan.event.EventCodec;
import io.lakefan.event.ExtractEvent;
import io.lakefan.event.FinalizeEvent;
import io.lakefan.event.LakefanEvent;
import io.lakefan.testing.FakeLambda;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaInvokerTest {

    @Test
    void invokeAll_thousandEvents_arriveExactlyOnce() throws Exception {
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (FakeLambda fake = FakeLambda.start(p -> seen.add(new String(p, java.nio.charset.StandardCharsets.UTF_8)));
             LambdaClient client = fake.client(true)) {
            LambdaInvoker invoker = LambdaInvoker.create(client, "lakefan:live");
            List<LakefanEvent> events = new ArrayList<>();
            for (int i = 0; i < 1000; i++) events.add(ExtractEvent.of("run1", "table_" + i));
            invoker.invokeAsync(FinalizeEvent.of("warmup")); // first call pays for class loading
            long t0 = System.nanoTime();
            invoker.invokeAll(events);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("1,000 async invokes against FakeLambda: " + ms + " ms");
            assertTrue(fake.awaitIdle(Duration.ofSeconds(30)));
            assertEquals(1001, fake.count());
            assertEquals(List.of(), fake.errors());
            Set<String> expected = new HashSet<>();
            for (LakefanEvent e : events) expected.add(new String(EventCodec.write(e), java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(seen.containsAll(expected));
            assertEquals(1001, seen.size());
            assertTrue(fake.invocations().stream().allMatch(i -> i.type().equals("Event") && i.function().equals("lakefan:live")));
            assertTrue(ms < 30_000, "took " + ms + " ms");
        }
    }

    @Test
    void invokeAsync_whenThrottled_retriesWithBackoff() {
        try (FakeLambda fake = FakeLambda.start(); LambdaClient client = fake.client(false)) {
            fake.failNext(3, 429);
            LambdaInvoker.create(client, "lakefan").invokeAsync(ExtractEvent.of("r", "orders"));
            assertEquals(4, fake.requests());
            assertEquals(1, fake.count());
            assertEquals("{\"action\":\"extract\",\"runId\":\"r\",\"table\":\"orders\"}", fake.payloads().get(0));
        }
    }

    @Test
    void invokeAll_whenSomeFail_triesAllAndNamesTheFailed() {
        try (FakeLambda fake = FakeLambda.start(); LambdaClient client = fake.client(false)) {
            fake.failNext(2, 500);
            LambdaInvoker invoker = LambdaInvoker.create(client, "lakefan", 1);
            LambdaInvokeException e = assertThrows(LambdaInvokeException.class, () -> invoker.invokeAll(List.of(
                    ExtractEvent.of("r", "a"), ExtractEvent.of("r", "b"), ExtractEvent.of("r", "c"))));
            assertTrue(e.getMessage().startsWith("2 of 3 invocations of lakefan could not be queued: extract a of run r,"
                    + " extract b of run r."), e.getMessage());
            assertEquals(1, fake.count(), "the third was still sent");
        }
    }

    @Test
    void invokeAsync_payloadOver256Kb_isRejectedBeforeSending() {
        try (FakeLambda fake = FakeLambda.start(); LambdaClient client = fake.client(false)) {
            Map<String, String> position = Map.of("big", "x".repeat(300 * 1024));
            ExtractEvent huge = new ExtractEvent("r", "orders", 0, position, 0);
            LambdaInvokeException e = assertThrows(LambdaInvokeException.class,
                    () -> LambdaInvoker.create(client, "lakefan").invokeAsync(huge));
            assertTrue(e.getMessage().contains("over Lambda's limit of 262144 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("extract orders chunk 0 of run r"), e.getMessage());
            assertEquals(0, fake.requests());
        }
    }

    @Test
    void fromEnvironment_defaultsToTheRunningFunction() {
        try (FakeLambda fake = FakeLambda.start(); LambdaClient client = fake.client(false)) {
            assertEquals("self", LambdaInvoker.fromEnvironment(client, Map.of("AWS_LAMBDA_FUNCTION_NAME", "self")).function());
            assertEquals("arn:aws:lambda:us-east-1:1:function:f:live", LambdaInvoker.fromEnvironment(client,
                    Map.of("AWS_LAMBDA_FUNCTION_NAME", "self", "LAKEFAN_FUNCTION", "arn:aws:lambda:us-east-1:1:function:f:live"))
                    .function());
            assertThrows(IllegalArgumentException.class, () -> LambdaInvoker.fromEnvironment(client, Map.of()));
        }
    }

    @Test
    void fakeLambda_requestResponse_returnsTheHandlersBytes() {
        try (FakeLambda fake = FakeLambda.startWithHandler(p -> "{\"ok\":true}".getBytes());
             LambdaClient client = fake.client(false)) {
            var r = client.invoke(b -> b.functionName("f").payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{}")));
            assertEquals(200, r.statusCode());
            assertEquals("{\"ok\":true}", r.payload().asUtf8String());
        }
    }
}
