package io.lakefan.aws;

import io.lakefan.dispatch.Invoker;
import io.lakefan.event.DispatchEvent;
import io.lakefan.event.EventCodec;
import io.lakefan.event.ExtractEvent;
import io.lakefan.event.FinalizeEvent;
import io.lakefan.event.LakefanEvent;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans out through the Lambda API: each event is an asynchronous invoke ({@code InvocationType=Event}) of
 * the function or alias, answered 202 once Lambda has queued it. Throttling (429) is retried with backoff.
 * {@link #invokeAll(List)} sends many events at once on a bounded pool, so 1,000 tables dispatch in seconds.
 */
public final class LambdaInvoker implements Invoker {

    /** Lambda's limit for an asynchronous invocation's payload, in bytes (256 KB). */
    public static final int MAX_ASYNC_PAYLOAD = 256 * 1024;
    /** Environment variable: the function, alias or ARN to invoke; defaults to AWS_LAMBDA_FUNCTION_NAME. */
    public static final String FUNCTION_ENV = "LAKEFAN_FUNCTION";
    static final int DEFAULT_THREADS = 32;
    static final int THROTTLE_ATTEMPTS = 8;

    private final LambdaClient lambda;
    private final String function;
    private final int threads;

    private LambdaInvoker(LambdaClient lambda, String function, int threads) {
        if (function == null || function.isBlank()) {
            throw new IllegalArgumentException("no function to invoke: set " + FUNCTION_ENV
                    + " to the function's name or alias ARN");
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.lambda = lambda;
        this.function = function;
        this.threads = threads;
    }

    /** Invokes {@code function} (a name, a {@code name:alias} or an ARN), 32 invokes at a time in invokeAll. */
    public static LambdaInvoker create(LambdaClient lambda, String function) {
        return new LambdaInvoker(lambda, function, DEFAULT_THREADS);
    }

    public static LambdaInvoker create(LambdaClient lambda, String function, int threads) {
        return new LambdaInvoker(lambda, function, threads);
    }

    /** Invokes {@value #FUNCTION_ENV}, or else the running function ({@code AWS_LAMBDA_FUNCTION_NAME}). */
    public static LambdaInvoker fromEnvironment(LambdaClient lambda, Map<String, String> env) {
        String f = env.get(FUNCTION_ENV);
        if (f == null || f.isBlank()) f = env.get("AWS_LAMBDA_FUNCTION_NAME");
        return create(lambda, f);
    }

    public String function() {
        return function;
    }

    @Override
    public void invokeAsync(LakefanEvent event) {
        byte[] payload = EventCodec.write(event);
        if (payload.length > MAX_ASYNC_PAYLOAD) {
            throw new LambdaInvokeException("the event for " + describe(event) + " is " + payload.length
                    + " bytes, over Lambda's limit of " + MAX_ASYNC_PAYLOAD + " bytes for an asynchronous invoke;"
                    + " events must carry names and positions only");
        }
        for (int attempt = 1; ; attempt++) {
            InvokeResponse r;
            try {
                r = lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromByteArrayUnsafe(payload)));
            } catch (SdkException e) {
                if (isThrottle(e) && attempt < THROTTLE_ATTEMPTS) {
                    Backoff.sleep(attempt, 100, 5_000);
                    continue;
                }
                throw error(event, e, attempt);
            }
            if (r.statusCode() != 202) {
                throw new LambdaInvokeException("invoking " + function + " for " + describe(event)
                        + " returned HTTP " + r.statusCode() + " instead of 202 Accepted");
            }
            return;
        }
    }

    /**
     * Invokes every event, {@code threads} at a time. All are tried even when some fail; then one exception
     * names every event that could not be queued (the others were).
     */
    public void invokeAll(List<? extends LakefanEvent> events) {
        if (events.isEmpty()) return;
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, events.size()), r -> {
            Thread t = new Thread(r, "lakefan-invoke-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>(events.size());
        try {
            for (LakefanEvent e : events) futures.add(pool.submit(() -> invokeAsync(e)));
            List<String> failed = new ArrayList<>();
            RuntimeException first = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException ex) {
                    RuntimeException cause = ex.getCause() instanceof RuntimeException re ? re
                            : new LambdaInvokeException(String.valueOf(ex.getCause()), ex.getCause());
                    if (first == null) first = cause;
                    failed.add(describe(events.get(i)));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new LambdaInvokeException("interrupted while invoking " + function, ex);
                }
            }
            if (!failed.isEmpty()) {
                throw new LambdaInvokeException(failed.size() + " of " + events.size() + " invocations of " + function
                        + " could not be queued: " + String.join(", ", failed.subList(0, Math.min(20, failed.size())))
                        + (failed.size() > 20 ? ", ..." : "") + ". First error: " + first.getMessage(), first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private LambdaInvokeException error(LakefanEvent event, SdkException e, int attempts) {
        String code = e instanceof AwsServiceException a && a.awsErrorDetails() != null
                ? String.valueOf(a.awsErrorDetails().errorCode()) : "";
        String what = "invoking " + function + " for " + describe(event) + " failed";
        String hint;
        switch (code) {
            case "ResourceNotFoundException":
                hint = "the function or alias does not exist in region " + region() + ": set " + FUNCTION_ENV
                        + " to the function's alias ARN";
                break;
            case "AccessDeniedException":
                hint = "the function's role needs lambda:InvokeFunction on " + function;
                break;
            case "RequestTooLargeException":
                hint = "the event is over Lambda's payload limit";
                break;
            case "TooManyRequestsException":
                hint = "still throttled after " + attempts + " attempts: raise the function's reserved concurrency"
                        + " or the account's concurrency limit, or dispatch fewer tables at once";
                break;
            default:
                hint = code.isEmpty() ? "check the network, the region and the endpoint (AWS_ENDPOINT_URL_LAMBDA)"
                        : "Lambda answered " + code;
        }
        return new LambdaInvokeException(what + ": " + hint + " (" + e.getMessage() + ")", e);
    }

    private static boolean isThrottle(SdkException e) {
        return e instanceof AwsServiceException a && (a.statusCode() == 429 || a.isThrottlingException());
    }

    private String region() {
        try {
            return String.valueOf(lambda.serviceClientConfiguration().region());
        } catch (RuntimeException e) {
            return "(unknown)";
        }
    }

    /** Names an event in messages: {@code extract orders chunk 3 of run R}. */
    static String describe(LakefanEvent e) {
        if (e instanceof ExtractEvent x) {
            return "extract " + x.table() + (x.chunk() >= 0 ? " chunk " + x.chunk() : "")
                    + (x.runId() == null ? "" : " of run " + x.runId());
        }
        if (e instanceof FinalizeEvent f) return "finalize of run " + f.runId();
        if (e instanceof DispatchEvent d) return "dispatch" + (d.runId() == null ? "" : " of run " + d.runId());
        return String.valueOf(e);
    }
}
