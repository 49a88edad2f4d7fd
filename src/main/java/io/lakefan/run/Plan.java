package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lakefan.config.TableConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code _lakefan/runs/<runId>/plan.json}: what the dispatcher planned. Children read the table's
 * configuration from here, not from the config file, so a config change mid-run cannot split a run.
 *
 * @param ingestDate the partition every file of the run lands in (the run's start date, UTC)
 * @param maxAttempts attempts each extract gets (1 + the function's async retries)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(String runId, String database, LocalDate ingestDate, Instant createdAt, int maxAttempts,
                   List<TableConfig> tables) {

    public Plan {
        tables = List.copyOf(tables);
    }

    public Optional<TableConfig> table(String name) {
        return tables.stream().filter(t -> t.lakeName().equals(name) || t.name().equals(name)).findFirst();
    }
}
