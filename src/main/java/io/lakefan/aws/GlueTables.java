package io.lakefan.aws;

import io.lakefan.finalize.CatalogResult;
import io.lakefan.lake.LakeException;
import io.lakefan.lake.LakeLayout;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.parquet.FooterSchema;
import io.lakefan.run.Plan;
import io.lakefan.run.TableStatus;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct mode of {@link GlueCatalog}: creates or evolves each landed table and adds the run's partition. Columns
 * come from the footer of one of the run's files (lakefan records each column's Glue type there). Columns are only
 * ever appended; a changed type is reported, never applied, because old files keep the old type.
 */
final class GlueTables {
    static final String SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    static final String INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

    private final GlueClient glue;
    private final String database;
    private final ObjectStore lake;
    private final LakeUri root;

    GlueTables(GlueClient glue, String database, ObjectStore lake, LakeUri root) {
        this.glue = glue;
        this.database = database;
        this.lake = lake;
        this.root = root;
    }

    CatalogResult register(Plan plan, List<TableStatus> landed) {
        List<String> notes = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            ensureDatabase(notes);
        } catch (GlueException e) {
            String why = "cannot create Glue database " + database + ": " + e.awsErrorDetails().errorMessage();
            for (TableStatus s : landed) errors.put(s.table(), why);
            return new CatalogResult(Map.of(), notes, errors);
        }
        for (TableStatus s : landed) {
            try {
                SqlNames.check(s.table(), "table");
                Map<String, String> columns = columnsOf(plan, s);
                List<Column> cols = new ArrayList<>();
                columns.forEach((n, t) -> cols.add(Column.builder().name(n).type(t).build()));
                registerTable(plan, s.table(), cols, notes);
                addPartition(plan, s.table(), cols);
            } catch (GlueException e) {
                errors.put(s.table(), "Glue: " + e.awsErrorDetails().errorMessage());
            } catch (LakeException | IllegalArgumentException e) {
                errors.put(s.table(), e.getMessage());
            }
        }
        return new CatalogResult(Map.of(), notes, errors);
    }

    private void ensureDatabase(List<String> notes) {
        try {
            glue.getDatabase(b -> b.name(database));
        } catch (EntityNotFoundException e) {
            try {
                glue.createDatabase(b -> b.databaseInput(d -> d.name(database)
                        .description("lakefan lake " + root)));
                notes.add("created Glue database " + database);
            } catch (AlreadyExistsException raced) {
                // another finalize made it in between
            }
        }
    }

    /** The columns of the run's files, from the footer of the first one still in the lake. */
    private Map<String, String> columnsOf(Plan plan, TableStatus s) {
        String prefix = LakeLayout.partitionPrefix(plan.database(), s.table(), plan.ingestDate()) + plan.runId() + "-";
        for (StoredObject o : lake.list(prefix)) {
            if (o.key().endsWith(".parquet")) return FooterSchema.glueColumns(lake, o.key(), o.size());
        }
        throw new LakeException("no data file of run " + plan.runId() + " under " + lake.describe(prefix)
                + " to read the columns from (deleted after the extract?)");
    }

    private void registerTable(Plan plan, String table, List<Column> columns, List<String> notes) {
        Table existing;
        try {
            existing = glue.getTable(b -> b.databaseName(database).name(table)).table();
        } catch (EntityNotFoundException e) {
            existing = null;
        }
        if (existing == null) {
            String location = root.describe(LakeLayout.tablePrefix(plan.database(), table));
            try {
                glue.createTable(b -> b.databaseName(database).tableInput(t -> t.name(table)
                        .tableType("EXTERNAL_TABLE")
                        .parameters(Map.of("classification", "parquet", "EXTERNAL", "TRUE"))
                        .partitionKeys(Column.builder().name(LakeLayout.PARTITION_COLUMN).type("string").build())
                        .storageDescriptor(descriptor(columns, location))));
                notes.add(table + ": created Glue table " + database + "." + table + " with " + columns.size() + " columns");
                return;
            } catch (AlreadyExistsException raced) {
                existing = glue.getTable(b -> b.databaseName(database).name(table)).table();
            }
        }
        evolve(existing, columns, notes);
    }

    private void evolve(Table existing, List<Column> columns, List<String> notes) {
        String table = existing.name();
        List<Column> now = existing.storageDescriptor() == null ? List.of() : existing.storageDescriptor().columns();
        Map<String, String> known = new LinkedHashMap<>();
        for (Column c : now) known.put(c.name().toLowerCase(java.util.Locale.ROOT), c.type());
        List<Column> merged = new ArrayList<>(now);
        List<String> added = new ArrayList<>();
        for (Column c : columns) {
            String type = known.get(c.name());
            if (type == null) {
                merged.add(c);
                added.add(c.name() + " " + c.type());
            } else if (!type.equalsIgnoreCase(c.type())) {
                notes.add(table + ": column " + c.name() + " is " + c.type() + " in this run's files but " + type
                        + " in Glue; the Glue type is kept (files of both types now exist: change the column in Glue "
                        + "deliberately, or re-land the table)");
            }
        }
        if (added.isEmpty()) return;
        StorageDescriptor sd = existing.storageDescriptor().toBuilder().columns(merged).build();
        glue.updateTable(b -> b.databaseName(database).tableInput(input(existing, sd)));
        notes.add(table + ": added column(s) to Glue: " + String.join(", ", added));
    }

    private void addPartition(Plan plan, String table, List<Column> columns) {
        String date = plan.ingestDate().toString();
        String location = root.describe(LakeLayout.partitionPrefix(plan.database(), table, plan.ingestDate()));
        BatchCreatePartitionResponse r = glue.batchCreatePartition(b -> b.databaseName(database).tableName(table)
                .partitionInputList(p -> p.values(date).storageDescriptor(descriptor(columns, location))));
        for (PartitionError e : r.errors()) {
            if (e.errorDetail() != null && "AlreadyExistsException".equals(e.errorDetail().errorCode())) continue;
            throw new IllegalArgumentException("Glue refused partition " + LakeLayout.PARTITION_COLUMN + "=" + date
                    + ": " + (e.errorDetail() == null ? "no detail" : e.errorDetail().errorCode() + " "
                    + e.errorDetail().errorMessage()));
        }
    }

    static StorageDescriptor descriptor(List<Column> columns, String location) {
        return StorageDescriptor.builder().columns(columns).location(location)
                .inputFormat(INPUT_FORMAT).outputFormat(OUTPUT_FORMAT)
                .serdeInfo(SerDeInfo.builder().serializationLibrary(SERDE)
                        .parameters(Map.of("serialization.format", "1")).build())
                .compressed(false).build();
    }

    /** A table as UpdateTable input: the fields Glue accepts back, with a new descriptor. */
    private static TableInput input(Table t, StorageDescriptor sd) {
        return TableInput.builder().name(t.name()).description(t.description()).owner(t.owner())
                .retention(t.retention()).storageDescriptor(sd).partitionKeys(t.partitionKeys())
                .tableType(t.tableType()).parameters(t.parameters()).viewOriginalText(t.viewOriginalText())
                .viewExpandedText(t.viewExpandedText()).build();
    }
}
