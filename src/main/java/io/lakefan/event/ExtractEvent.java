package io.lakefan.event;

import java.util.Map;

/**
 * Extract one table (or one chunk of a split table) of a run.
 *
 * @param runId    the run, or null for an ad-hoc extract (a console test event): one is made up and the
 *                 result is returned in the response
 * @param table    the table's configured name or lake name
 * @param chunk    the chunk of a split table, or -1 for the whole table (a split table's planner)
 * @param position where a continuation resumes (names and key values only), empty for a fresh start
 * @param hop      self-invocation depth
 */
public record ExtractEvent(String runId, String table, int chunk, Map<String, String> position, int hop)
        implements LakefanEvent {
    public ExtractEvent {
        if (table == null || table.isBlank()) throw new IllegalArgumentException("extract event needs \"table\"");
        position = position == null ? Map.of() : Map.copyOf(position);
    }

    public static ExtractEvent of(String runId, String table) {
        return new ExtractEvent(runId, table, -1, Map.of(), 0);
    }

    public boolean adHoc() {
        return runId == null;
    }
}
