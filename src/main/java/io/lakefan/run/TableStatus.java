package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * {@code _lakefan/runs/<runId>/tables/<table>.json}: the record of one table in one run, rewritten at each
 * step. A table is terminal when {@link #terminal()}: done, or failed on its last allowed attempt.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableStatus(
        String runId,
        String table,
        String sourceTable,
        Status status,
        int attempts,
        int maxAttempts,
        long rows,
        long bytes,
        List<DataFile> files,
        Window window,
        long zeroDates,
        String error,
        Instant startedAt,
        Instant finishedAt,
        Integer chunks,
        boolean finalFailure) {

    public TableStatus {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A fresh record for the first attempt. */
    public static TableStatus start(String runId, String table, String sourceTable, int maxAttempts, Instant now) {
        return new TableStatus(runId, table, sourceTable, Status.RUNNING, 1, maxAttempts, 0, 0, List.of(), null, 0,
                null, now, null, null, false);
    }

    /** Whether no further attempt will change this table's outcome. */
    public boolean terminal() {
        return status.done() || status == Status.VALIDATION_FAILED
                || (status == Status.FAILED && (finalFailure || attempts >= maxAttempts));
    }

    public TableStatus nextAttempt(Instant now) {
        return new TableStatus(runId, table, sourceTable, Status.RUNNING, attempts + 1, maxAttempts, 0, 0, List.of(),
                null, 0, null, now, null, chunks, false);
    }

    public TableStatus withOutcome(Status s, List<DataFile> written, Window w, long zeros, Instant now) {
        long r = written.stream().mapToLong(DataFile::rows).sum();
        long b = written.stream().mapToLong(DataFile::bytes).sum();
        return new TableStatus(runId, table, sourceTable, s, attempts, maxAttempts, r, b, written, w, zeros, null,
                startedAt, now, chunks, false);
    }

    public TableStatus failed(String message, Window w, Instant now) {
        return new TableStatus(runId, table, sourceTable, Status.FAILED, attempts, maxAttempts, 0, 0, List.of(), w,
                0, message, startedAt, now, chunks, false);
    }

    /** Failed for good whatever the attempt count (a chunk of the table failed on its last attempt). */
    public TableStatus failedFinally(String message, Window w, Instant now) {
        return new TableStatus(runId, table, sourceTable, Status.FAILED, attempts, maxAttempts, 0, 0, List.of(), w,
                0, message, startedAt, now, chunks, true);
    }

    public TableStatus skipped(String reason, Instant now) {
        return new TableStatus(runId, table, sourceTable, Status.SKIPPED, attempts, maxAttempts, 0, 0, List.of(),
                null, 0, reason, startedAt, now, chunks, false);
    }

    public TableStatus withStatus(Status s, String message) {
        return new TableStatus(runId, table, sourceTable, s, attempts, maxAttempts, rows, bytes, files, window,
                zeroDates, message, startedAt, finishedAt, chunks, finalFailure);
    }

    public TableStatus withChunks(int n) {
        return new TableStatus(runId, table, sourceTable, status, attempts, maxAttempts, rows, bytes, files, window,
                zeroDates, error, startedAt, finishedAt, n, finalFailure);
    }

    /** Seconds between start and finish, or 0 while running. */
    public double seconds() {
        return startedAt == null || finishedAt == null ? 0
                : (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
