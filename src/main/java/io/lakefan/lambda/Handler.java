package io.lakefan.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakefan.aws.AwsClients;
import io.lakefan.aws.EmfMetrics;
import io.lakefan.event.DispatchEvent;
import io.lakefan.event.EventCodec;
import io.lakefan.event.ExtractEvent;
import io.lakefan.event.FinalizeEvent;
import io.lakefan.event.LakefanEvent;
import io.lakefan.finalize.RunFailedException;
import io.lakefan.json.Json;
import io.lakefan.run.RunSummary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * The Lambda entry point ({@code io.lakefan.lambda.Handler::handleRequest}). One function, three roles chosen
 * by the event. Errors are never turned into a "success" response: they propagate so that Lambda's async
 * retries and the OnFailure destination see them.
 */
public final class Handler implements RequestStreamHandler {
    private static volatile LambdaEnvironment shared;

    private final Supplier<LambdaEnvironment> environment;

    /** The Lambda runtime's constructor: wiring from the environment, built once per container. */
    public Handler() {
        this(Handler::sharedEnvironment);
    }

    /** For tests and {@code lakefan invoke}: explicit wiring. */
    public Handler(Supplier<LambdaEnvironment> environment) {
        this.environment = environment;
    }

    private static LambdaEnvironment sharedEnvironment() {
        LambdaEnvironment e = shared;
        if (e == null) {
            synchronized (Handler.class) {
                if (shared == null) shared = LambdaEnvironment.of(System.getenv(), AwsClients.shared(), null);
                e = shared;
            }
        }
        return e;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LakefanEvent event = EventCodec.parse(input.readAllBytes());
        long start = System.currentTimeMillis();
        log(context, event, "start", null, 0);
        try {
            Object result = environment.get().lakefan(context.getAwsRequestId())
                    .handle(event, () -> context.getRemainingTimeInMillis());
            if (result instanceof RunSummary summary) EmfMetrics.print(summary, System.out);
            Json.MAPPER.writeValue(output, result);
            log(context, event, "end", null, System.currentTimeMillis() - start);
        } catch (RuntimeException e) {
            if (e instanceof RunFailedException failed) EmfMetrics.print(failed.summary(), System.out);
            log(context, event, "error", e.getMessage(), System.currentTimeMillis() - start);
            throw e;
        }
    }

    /** One structured JSON line per step, stable keys; never carries credentials (events hold none). */
    private static void log(Context context, LakefanEvent event, String step, String error, long millis) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("level", error == null ? "INFO" : "ERROR");
        n.put("step", step);
        n.put("requestId", context.getAwsRequestId());
        if (event instanceof DispatchEvent d) {
            n.put("action", "dispatch");
            if (d.runId() != null) n.put("runId", d.runId());
        } else if (event instanceof ExtractEvent e) {
            n.put("action", "extract");
            if (e.runId() != null) n.put("runId", e.runId());
            n.put("table", e.table());
            if (e.chunk() >= 0) n.put("chunk", e.chunk());
        } else if (event instanceof FinalizeEvent f) {
            n.put("action", "finalize");
            n.put("runId", f.runId());
        }
        n.put("hop", event.hop());
        if (millis > 0) n.put("millis", millis);
        if (error != null) n.put("error", error);
        context.getLogger().log(n.toString().replace('\n', ' '));
    }
}
