package io.lakefan.cli;

import io.lakefan.aws.AwsClients;
import io.lakefan.event.EventCodec;
import io.lakefan.event.EventException;
import io.lakefan.lambda.Handler;
import io.lakefan.lambda.LambdaEnvironment;
import io.lakefan.lambda.LocalContext;
import io.lakefan.local.ThreadPoolInvoker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lakefan invoke}: the real Lambda handler, in this process, on an event file, against the AWS endpoints
 * the environment names ({@code AWS_ENDPOINT_URL*} for LocalStack or moto). {@code sam local invoke} without
 * Docker. With {@code --fan-out local} the child invocations run here too, each on its own thread.
 */
final class InvokeCommand {
    static final String HELP = """
            Usage: java -jar lakefan.jar invoke --event FILE [--fan-out lambda|local] [--timeout SECONDS]
                                                [--function NAME] [--parallelism N]

              --event FILE       the event JSON (see events/: scheduled.json, extract-one-table.json, finalize.json)
              --fan-out local    run child invocations (extracts, finalize) in this process, async on a thread
                                 pool, instead of invoking the function through the Lambda API (default: lambda)
              --timeout SECONDS  the remaining time the handler sees, like the function's timeout (default 900)
              --function NAME    the function name the local context reports (default lakefan)
              --parallelism N    threads for --fan-out local (default 4)

            Reads the function's environment variables: LAKEFAN_LAKE, LAKEFAN_SECRET_ID, LAKEFAN_CONFIG,
            LAKEFAN_FUNCTION, LAKEFAN_ASYNC_RETRIES, LAKEFAN_CATALOG, ... and the AWS SDK's usual settings
            (AWS_REGION, AWS_PROFILE or keys, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_S3, LAKEFAN_S3_PATH_STYLE=true).
            Prints the handler's response; exit code 1 when the handler (or, with --fan-out local, any child
            invocation after its retries) failed.
            """;

    private InvokeCommand() {
    }

    /**
     * Runs the command; {@code env} stands for the process environment (the function's variables and the SDK's
     * {@code AWS_*} settings are read from it) and {@code clients} are the AWS clients the handler uses.
     */
    static int run(List<String> argv, PrintStream out, PrintStream err, Map<String, String> env, AwsClients clients) {
        Args a = Args.parse(argv, Set.of("--event", "--fan-out", "--timeout", "--function", "--parallelism"), Set.of());
        Path eventFile = Path.of(a.required("--event"));
        String fanOut = a.get("--fan-out") == null ? "lambda" : a.get("--fan-out");
        if (!fanOut.equals("lambda") && !fanOut.equals("local")) {
            throw new Args.UsageException("--fan-out must be lambda or local, got " + fanOut);
        }
        int timeoutMillis = a.intValue("--timeout", 900, 1) * 1000;
        String function = a.get("--function") == null ? "lakefan" : a.get("--function");
        byte[] event;
        try {
            event = Files.readAllBytes(eventFile);
        } catch (IOException e) {
            throw new Args.UsageException("cannot read --event " + eventFile + ": " + e.getMessage());
        }
        try {
            EventCodec.parse(event); // a malformed event fails here, before any AWS call
        } catch (EventException e) {
            err.println("lakefan invoke: the event in " + eventFile + " is not valid: " + e.getMessage());
            return 2;
        }

        if (fanOut.equals("lambda")) {
            Handler handler = new Handler(() -> LambdaEnvironment.of(env, clients, null));
            out.println(invokeOnce(handler, event, function, timeoutMillis));
            return 0;
        }
        // the pool retries a failed child as often as the function's async retry setting allows, so that the
        // table's last attempt is terminal and finalize runs, as on Lambda
        int attempts = LambdaEnvironment.maxAttempts(env);
        try (ThreadPoolInvoker pool = new ThreadPoolInvoker(a.intValue("--parallelism", 4, 1), attempts)) {
            LambdaEnvironment environment = LambdaEnvironment.of(env, clients, pool);
            Handler handler = new Handler(() -> environment);
            pool.bind((child, budget) -> invokeOnce(handler, EventCodec.write(child), function, timeoutMillis));
            String response = invokeOnce(handler, event, function, timeoutMillis);
            pool.awaitIdle();
            out.println(response);
            if (!pool.failures().isEmpty()) {
                pool.failures().forEach(f -> err.println("child invocation failed: " + f.getMessage()));
                return 1;
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String invokeOnce(Handler handler, byte[] event, String function, int timeoutMillis) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), response, new LocalContext(function, timeoutMillis));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return response.toString(StandardCharsets.UTF_8);
    }
}
