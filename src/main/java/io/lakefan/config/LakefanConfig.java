package io.lakefan.config;

import java.util.List;
import java.util.Optional;

/** The validated table list: what a run may extract. */
public record LakefanConfig(List<TableConfig> tables) {

    public LakefanConfig {
        tables = List.copyOf(tables);
    }

    /** The table with this source or lake name. */
    public Optional<TableConfig> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name) || t.lakeName().equals(name)).findFirst();
    }
}
