package io.lakefan.finalize;

import io.lakefan.run.Plan;
import io.lakefan.run.TableStatus;

/**
 * Counts, independently of the extract, the rows of a table's run that are in the lake: Athena
 * {@code count(*)} over the run's partition and run id on AWS, the Parquet footers locally.
 */
public interface RowCounter {

    long count(Plan plan, TableStatus table);
}
