package io.lakefan.event;

import java.util.List;

/**
 * Plan a run and fan out one extract per table.
 *
 * @param runId  the run; derived from the EventBridge event for scheduled runs, null means "make one up"
 * @param tables the tables to run, or empty for every configured table
 * @param hop    self-invocation depth
 */
public record DispatchEvent(String runId, List<String> tables, int hop) implements LakefanEvent {
    public DispatchEvent {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
