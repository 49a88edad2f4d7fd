package io.lakefan.source;

/**
 * Reading the source database failed: it is unreachable, the login was refused, a table or column is
 * missing, or a query failed. The message says which and what to check.
 */
public class SourceException extends RuntimeException {
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceException(String message) {
        super(message);
    }
}
