package io.lakefan.finalize;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a catalog step.
 *
 * @param waiting     non-empty when the step must continue in a new invocation (what it waits for)
 * @param notes       things worth telling the operator (added columns, type changes)
 * @param tableErrors per lake table, why its catalog update failed
 */
public record CatalogResult(Map<String, String> waiting, List<String> notes, Map<String, String> tableErrors) {
    public CatalogResult {
        waiting = Map.copyOf(waiting);
        notes = List.copyOf(notes);
        tableErrors = Map.copyOf(tableErrors);
    }

    public static CatalogResult done(List<String> notes) {
        return new CatalogResult(Map.of(), notes, Map.of());
    }

    public static CatalogResult continueWith(Map<String, String> waiting) {
        return new CatalogResult(waiting, List.of(), Map.of());
    }

    public boolean finished() {
        return waiting.isEmpty();
    }
}
