package io.lakefan.finalize;

import io.lakefan.run.Plan;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;

import java.util.List;
import java.util.Map;

/**
 * Makes landed files queryable: a Glue crawler, direct Glue registration, or nothing. Implementations in
 * {@code aws}; {@link #NONE} locally.
 */
public interface Catalog {

    /**
     * Updates the catalog for the tables that landed files. {@code waiting} is what an earlier, continued
     * call was waiting for (empty at first). Returns when done, or when the budget is nearly spent with what
     * to wait for next.
     */
    CatalogResult update(Plan plan, List<TableStatus> landed, Map<String, String> waiting, TimeBudget budget);

    Catalog NONE = (plan, landed, waiting, budget) -> CatalogResult.done(List.of());
}
