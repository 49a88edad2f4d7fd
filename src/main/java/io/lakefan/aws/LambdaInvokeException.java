package io.lakefan.aws;

/**
 * The fan-out could not queue an invocation: the function or alias is missing, the role may not invoke it,
 * the account is throttling, or the event is too big. The message names the event and what to check.
 */
public class LambdaInvokeException extends RuntimeException {
    public LambdaInvokeException(String message, Throwable cause) {
        super(message, cause);
    }

    public LambdaInvokeException(String message) {
        super(message);
    }
}
