package io.lakefan.testing;

import com.sun.net.httpserver.HttpExchange;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Invoke API for tests: {@code POST /2015-03-31/functions/{name}/invocations}. An {@code Event}
 * invocation is answered 202 and its payload handed to the handler on another thread, like Lambda's async
 * queue; a {@code RequestResponse} invocation runs the handler and answers 200 with what it returned.
 * Records every accepted invocation, can fail the next N calls, and collects the handler's exceptions.
 */
public final class FakeLambda extends FakeAwsServer {
    private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    /** One accepted invocation. */
    public record Invocation(String function, String type, byte[] payload) {
        public String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Function<byte[], byte[]> handler;
    private final ExecutorService async;
    private final ConcurrentLinkedQueue<Invocation> invocations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus;
    private volatile int asyncRetries;
    private volatile BiConsumer<Invocation, Integer> beforeRetry = (i, n) -> { };
    private final AtomicInteger deliveries = new AtomicInteger();
    private final Object idle = new Object();
    private int running;

    private FakeLambda(Function<byte[], byte[]> handler, int asyncThreads) {
        super("fake-lambda", 16);
        this.handler = handler;
        this.async = Executors.newFixedThreadPool(asyncThreads, daemon("fake-lambda-run"));
    }

    /** Async invocations hand their payload to {@code onEvent}; sync ones return an empty response. */
    public static FakeLambda start(Consumer<byte[]> onEvent) {
        return new FakeLambda(p -> {
            onEvent.accept(p);
            return new byte[0];
        }, 8);
    }

    /** A function that records invocations and does nothing. */
    public static FakeLambda start() {
        return start(p -> { });
    }

    /** {@code handler}'s return value is the response of a RequestResponse invocation. */
    public static FakeLambda startWithHandler(Function<byte[], byte[]> handler) {
        return new FakeLambda(handler, 8);
    }

    /** The next {@code n} requests are answered with {@code status} (429 throttles, 500 a service error). */
    public void failNext(int n, int status) {
        failStatus = status;
        failNext.set(n);
    }

    /**
     * Like Lambda's async retry setting (MaximumRetryAttempts, 0 to 2): when the handler throws on an
     * {@code Event} invocation, the same payload is delivered again up to {@code n} more times (at once, where
     * Lambda waits a minute or two). Only the error of the last delivery lands in {@link #errors()}.
     */
    public FakeLambda asyncRetries(int n) {
        if (n < 0 || n > 2) throw new IllegalArgumentException("Lambda allows 0 to 2 async retries");
        this.asyncRetries = n;
        return this;
    }

    /** Called before each re-delivery with the invocation and the attempt about to start (2 or 3). */
    public FakeLambda beforeRetry(BiConsumer<Invocation, Integer> hook) {
        this.beforeRetry = hook;
        return this;
    }

    /** Handler runs of async invocations, retries included. */
    public int deliveries() {
        return deliveries.get();
    }

    /** Accepted invocations, in arrival order. */
    public List<Invocation> invocations() {
        return new ArrayList<>(invocations);
    }

    public List<String> payloads() {
        return invocations.stream().map(Invocation::payloadText).toList();
    }

    /** Accepted invocations. */
    public int count() {
        return invocations.size();
    }

    /** Every HTTP request, including those answered with an injected error. */
    public int requests() {
        return requests.get();
    }

    /** Exceptions thrown by the handler in async invocations. */
    public List<Throwable> errors() {
        return new ArrayList<>(errors);
    }

    /** Waits until no async invocation is queued or running; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** A client for this endpoint, with the SDK's retries or without. */
    public LambdaClient client(boolean retries) {
        return TestAwsClients.build(LambdaClient.builder(), endpoint(), retries);
    }

    @Override
    void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        Matcher m = PATH.matcher(ex.getRequestURI().getPath());
        if (!"POST".equals(ex.getRequestMethod()) || !m.matches()) {
            error(ex, 404, "ResourceNotFoundException", "unknown path " + ex.getRequestURI().getPath());
            return;
        }
        byte[] payload = ex.getRequestBody().readAllBytes();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            int status = failStatus;
            error(ex, status, status == 429 ? "TooManyRequestsException" : "ServiceException",
                    status == 429 ? "Rate Exceeded." : "injected failure");
            return;
        }
        String function = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        String type = ex.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        if (type == null) type = "RequestResponse";
        Invocation invocation = new Invocation(function, type, payload);
        invocations.add(invocation);
        switch (type) {
            case "Event" -> {
                synchronized (idle) {
                    running++;
                }
                int retries = asyncRetries;
                async.execute(() -> {
                    try {
                        for (int attempt = 1; ; attempt++) {
                            try {
                                deliveries.incrementAndGet();
                                handler.apply(payload);
                                break;
                            } catch (Throwable t) {
                                if (attempt > retries) {
                                    errors.add(t);
                                    break;
                                }
                                beforeRetry.accept(invocation, attempt + 1);
                            }
                        }
                    } catch (Throwable t) {
                        errors.add(t);
                    } finally {
                        synchronized (idle) {
                            running--;
                            idle.notifyAll();
                        }
                    }
                });
                respond(ex, 202, "application/json", new byte[0]);
            }
            case "RequestResponse" -> {
                byte[] out;
                try {
                    out = handler.apply(payload);
                } catch (RuntimeException e) {
                    ex.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                    respond(ex, 200, "application/json", "{\"errorMessage\":" + json(String.valueOf(e.getMessage()))
                            + ",\"errorType\":" + json(e.getClass().getName()) + "}");
                    return;
                }
                ex.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
                respond(ex, 200, "application/json", out == null ? new byte[0] : out);
            }
            case "DryRun" -> respond(ex, 204, "application/json", new byte[0]);
            default -> error(ex, 400, "InvalidParameterValueException", "bad invocation type " + type);
        }
    }

    private static void error(HttpExchange ex, int status, String type, String message) throws IOException {
        ex.getResponseHeaders().set("x-amzn-ErrorType", type);
        respond(ex, status, "application/json", "{\"Type\":\"User\",\"message\":" + json(message) + "}");
    }

    @Override
    public void close() {
        super.close();
        async.shutdownNow();
    }
}
