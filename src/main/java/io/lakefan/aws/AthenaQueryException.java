package io.lakefan.aws;

/** An Athena query did not succeed: the message carries Athena's reason and the SQL. */
public class AthenaQueryException extends RuntimeException {
    public AthenaQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
