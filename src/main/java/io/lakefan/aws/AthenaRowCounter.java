package io.lakefan.aws;

import io.lakefan.finalize.RowCounter;
import io.lakefan.lake.LakeLayout;
import io.lakefan.run.Plan;
import io.lakefan.run.TableStatus;

import java.util.function.Function;

/**
 * Validation through Athena: counts the rows of the run in the run's partition, reading the table as every lake
 * user will (through the catalog), so a missing file, a missing partition or a wrong schema all show up.
 */
public final class AthenaRowCounter implements RowCounter {
    private final AthenaQueries athena;
    private final Function<Plan, String> database;

    /** @param database the Glue database of a plan (see {@link GlueCatalog#databaseFor}) */
    public AthenaRowCounter(AthenaQueries athena, Function<Plan, String> database) {
        this.athena = athena;
        this.database = database;
    }

    /** The validation query; every part is checked (lake names, the run id pattern, an ISO date). */
    public static String sql(String database, String table, Plan plan) {
        return "SELECT count(*) FROM " + SqlNames.table(database, table)
                + " WHERE " + SqlNames.quote(LakeLayout.PARTITION_COLUMN) + " = '" + plan.ingestDate() + "'"
                + " AND \"_lakefan_run_id\" = '" + LakeLayout.checkRunId(plan.runId()) + "'";
    }

    @Override
    public long count(Plan plan, TableStatus table) {
        String value = athena.query(sql(database.apply(plan), table.table(), plan)).value();
        return Long.parseLong(value.trim());
    }
}
