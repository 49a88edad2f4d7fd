package io.lakefan.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.List;

/**
 * Writes {@link RowReader}'s {@code Object[]} rows straight to the record consumer, no Avro records in
 * between; the lineage values are appended to each row. The Avro schema goes into the footer as
 * {@code parquet.avro.schema}, so Avro readers still read the files.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private static final int INT = 0;
    private static final int LONG = 1;
    private static final int BOOLEAN = 2;
    private static final int FLOAT = 3;
    private static final int DOUBLE = 4;
    private static final int BINARY = 5;

    private final RowSchema schema;
    private final String[] names;
    private final int[] physical;
    private final Binary runId;
    private final long extractedAt;
    private RecordConsumer consumer;

    RowWriteSupport(RowSchema schema, Lineage lineage) {
        this.schema = schema;
        List<Column> columns = schema.columns();
        names = new String[columns.size()];
        physical = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            names[i] = columns.get(i).lakeName();
            switch (SchemaBuilder.physical(columns.get(i).kind)) {
                case INT32: physical[i] = INT; break;
                case INT64: physical[i] = LONG; break;
                case BOOLEAN: physical[i] = BOOLEAN; break;
                case FLOAT: physical[i] = FLOAT; break;
                case DOUBLE: physical[i] = DOUBLE; break;
                default: physical[i] = BINARY; break;
            }
        }
        runId = Binary.fromString(lineage.runId());
        extractedAt = lineage.extractedAt().toEpochMilli();
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in parquet 1.17: must be implemented, never called here
    public WriteContext init(Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        MessageType type = schema.parquetSchema();
        return new WriteContext(type, schema.footerMetadata());
    }

    @Override
    public String getName() {
        return "avro"; // the files read like parquet-avro's: same schema in the footer
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        RecordConsumer c = consumer;
        c.startMessage();
        int n = names.length;
        for (int i = 0; i < n; i++) {
            Object v = row[i];
            if (v == null) continue;
            c.startField(names[i], i);
            switch (physical[i]) {
                case INT: c.addInteger((Integer) v); break;
                case LONG: c.addLong((Long) v); break;
                case BOOLEAN: c.addBoolean((Boolean) v); break;
                case FLOAT: c.addFloat((Float) v); break;
                case DOUBLE: c.addDouble((Double) v); break;
                default: c.addBinary((Binary) v); break;
            }
            c.endField(names[i], i);
        }
        c.startField(RowSchema.RUN_ID, n);
        c.addBinary(runId);
        c.endField(RowSchema.RUN_ID, n);
        c.startField(RowSchema.EXTRACTED_AT, n + 1);
        c.addLong(extractedAt);
        c.endField(RowSchema.EXTRACTED_AT, n + 1);
        c.endMessage();
    }
}
