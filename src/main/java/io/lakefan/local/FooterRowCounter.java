package io.lakefan.local;

import io.lakefan.finalize.RowCounter;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.LakeLayout;
import io.lakefan.parquet.ParquetFooters;
import io.lakefan.run.Plan;
import io.lakefan.run.TableStatus;

/**
 * Validation without a SQL engine: sums the row counts in the Parquet footers of every file of the table's
 * run found in the lake (listed, not taken from the extract's record, so a missing or extra file shows).
 */
public final class FooterRowCounter implements RowCounter {
    private final ObjectStore lake;

    public FooterRowCounter(ObjectStore lake) {
        this.lake = lake;
    }

    @Override
    public long count(Plan plan, TableStatus table) {
        String prefix = LakeLayout.partitionPrefix(plan.database(), table.table(), plan.ingestDate()) + plan.runId() + "-";
        long rows = 0;
        for (StoredObject o : lake.list(prefix)) {
            if (o.key().endsWith(".parquet")) rows += ParquetFooters.rowCount(lake, o.key(), o.size());
        }
        return rows;
    }
}
