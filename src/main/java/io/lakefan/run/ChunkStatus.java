package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code _lakefan/runs/<runId>/chunks/<table>/c<chunk>.json}: one unit of a table's read. Files of finished
 * segments are kept here while the unit continues; {@code resume} is where the next segment starts.
 *
 * @param segment  which continuation segment the attempts count belongs to
 * @param nextPart the part number the next segment writes first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChunkStatus(String runId, String table, int chunk, Status status, int segment, int attempts,
                          int maxAttempts, List<DataFile> files, Map<String, String> resume, int nextPart,
                          long zeroDates, String error, Instant startedAt, Instant finishedAt,
                          Instant updatedAt, String holder, Instant busyUntil) {

    public ChunkStatus {
        files = files == null ? List.of() : List.copyOf(files);
        resume = resume == null ? Map.of() : Map.copyOf(resume);
    }

    public static ChunkStatus start(String runId, String table, int chunk, int maxAttempts, Instant now) {
        return new ChunkStatus(runId, table, chunk, Status.RUNNING, 0, 0, maxAttempts, List.of(), Map.of(), 0, 0,
                null, now, null, now, null, null);
    }

    public boolean terminal() {
        return status.done() || (status == Status.FAILED && attempts >= maxAttempts);
    }

    public long rows() {
        return files.stream().mapToLong(DataFile::rows).sum();
    }

    /** Whether this unit may have died: RUNNING without an update for longer than {@code lease}. */
    public boolean stale(Instant now, java.time.Duration lease) {
        return status == Status.RUNNING && updatedAt != null && updatedAt.plus(lease).isBefore(now);
    }

    /**
     * Whether another invocation is working on this unit right now (a duplicate delivery of the same event must
     * not write the same keys at the same time): RUNNING, held by someone else, before that one's deadline.
     */
    public boolean busy(Instant now, String me) {
        return status == Status.RUNNING && holder != null && !holder.equals(me) && busyUntil != null
                && busyUntil.isAfter(now);
    }

    /**
     * The record for an invocation of {@code segment} by {@code who} until {@code until}: a retry of the same
     * segment counts an attempt.
     */
    public ChunkStatus begin(int seg, Instant now, String who, Instant until) {
        int a = seg == segment ? attempts + 1 : 1;
        return new ChunkStatus(runId, table, chunk, Status.RUNNING, seg, a, maxAttempts, files, resume, nextPart,
                zeroDates, null, startedAt == null ? now : startedAt, null, now, who, until);
    }

    /** A segment ended: its files are added; {@code next} empty means the unit is complete. */
    public ChunkStatus segmentDone(List<DataFile> written, Map<String, String> next, int part, long zeros, Instant now) {
        List<DataFile> all = new ArrayList<>(files);
        all.addAll(written);
        boolean complete = next.isEmpty();
        Status s = !complete ? Status.RUNNING : all.stream().mapToLong(DataFile::rows).sum() == 0 ? Status.EMPTY
                : Status.SUCCESSFUL;
        return new ChunkStatus(runId, table, chunk, s, segment, attempts, maxAttempts, all, next, part,
                zeroDates + zeros, null, startedAt, complete ? now : null, now, null, null);
    }

    public ChunkStatus failed(String message, Instant now) {
        return new ChunkStatus(runId, table, chunk, Status.FAILED, segment, attempts, maxAttempts, files, resume,
                nextPart, zeroDates, message, startedAt, now, now, null, null);
    }
}
