package io.lakefan.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A Lambda {@link Context} for running the handler outside Lambda: a function name and a deadline. */
public final class LocalContext implements Context {
    private final String functionName;
    private final long deadline;
    private final int timeoutMillis;
    private final String requestId = UUID.randomUUID().toString();
    private final LambdaLogger logger;

    /** Logs to standard output, like the Lambda runtime (which sends it to CloudWatch Logs). */
    public LocalContext(String functionName, int timeoutMillis) {
        this(functionName, timeoutMillis, null);
    }

    /** Logs to {@code logger} (tests capture the handler's log lines this way); null means standard output. */
    public LocalContext(String functionName, int timeoutMillis, LambdaLogger logger) {
        this.functionName = functionName;
        this.timeoutMillis = timeoutMillis;
        this.deadline = System.currentTimeMillis() + timeoutMillis;
        this.logger = logger != null ? logger : STDOUT;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return (int) (Runtime.getRuntime().maxMemory() >> 20);
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private static final LambdaLogger STDOUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, StandardCharsets.UTF_8));
        }
    };

    public int timeoutMillis() {
        return timeoutMillis;
    }
}
