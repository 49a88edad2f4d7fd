package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** {@code _lakefan/runs/<runId>/summary.json}: what finalize found, one entry per planned table. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunSummary(String runId, String database, boolean succeeded, Instant startedAt, Instant finishedAt,
                         long rows, long bytes, List<TableStatus> tables, List<String> notes) {

    public RunSummary {
        tables = List.copyOf(tables);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public List<TableStatus> failures() {
        return tables.stream().filter(t -> !t.status().done()).toList();
    }
}
