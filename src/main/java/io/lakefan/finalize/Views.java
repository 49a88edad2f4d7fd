package io.lakefan.finalize;

import io.lakefan.config.TableConfig;
import io.lakefan.run.Plan;

import java.util.List;

/** Creates the "latest row per key" views; Athena on AWS. Returns the names of the views made. */
public interface Views {

    List<String> createLatest(Plan plan, TableConfig table);

    /** For lakes with no SQL engine: no view is made. */
    Views NONE = (plan, table) -> List.of();
}
