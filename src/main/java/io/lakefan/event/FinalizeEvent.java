package io.lakefan.event;

import java.util.Map;

/**
 * Finalize a run: catalog, validation, latest views, summary.
 *
 * @param runId   the run
 * @param waiting what a continued finalize was waiting for (for example a crawler name), empty at first
 * @param hop     self-invocation depth
 */
public record FinalizeEvent(String runId, Map<String, String> waiting, int hop) implements LakefanEvent {
    public FinalizeEvent {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("finalize event needs \"runId\"");
        waiting = waiting == null ? Map.of() : Map.copyOf(waiting);
    }

    public static FinalizeEvent of(String runId) {
        return new FinalizeEvent(runId, Map.of(), 0);
    }
}
