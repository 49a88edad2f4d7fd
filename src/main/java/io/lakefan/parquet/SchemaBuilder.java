package io.lakefan.parquet;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Avro and the Parquet schema of a row from its columns. Both say the same thing; the
 * Parquet one also carries INT(8)/INT(16) annotations (Avro has no small integers), so that a crawler
 * infers {@code tinyint}/{@code smallint} just like {@link Column#glueType()} says.
 */
final class SchemaBuilder {
    private SchemaBuilder() {
    }

    static Schema avro(List<Column> columns) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Column c : columns) {
            Schema type = avroType(c);
            if (c.nullable()) {
                fields.add(new Schema.Field(c.lakeName(), Schema.createUnion(Schema.create(Schema.Type.NULL), type),
                        null, Schema.Field.NULL_DEFAULT_VALUE));
            } else {
                fields.add(new Schema.Field(c.lakeName(), type));
            }
        }
        fields.add(new Schema.Field(RowSchema.RUN_ID, Schema.create(Schema.Type.STRING)));
        fields.add(new Schema.Field(RowSchema.EXTRACTED_AT,
                LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))));
        return Schema.createRecord("row", "a row landed by lakefan", "io.lakefan", false, fields);
    }

    private static Schema avroType(Column c) {
        switch (c.kind) {
            case INT8:
            case INT16:
            case INT32:
                return Schema.create(Schema.Type.INT);
            case INT64:
            case BITS_LONG:
                return Schema.create(Schema.Type.LONG);
            case BOOLEAN_INT:
            case BOOLEAN_BIT:
                return Schema.create(Schema.Type.BOOLEAN);
            case UNSIGNED_BIGINT:
            case BITS_DECIMAL:
            case DECIMAL:
                return LogicalTypes.decimal(c.precision, c.scale).addToSchema(
                        Schema.createFixed(c.lakeName() + "_decimal", null, "io.lakefan", Decimals.bytesFor(c.precision)));
            case FLOAT:
                return Schema.create(Schema.Type.FLOAT);
            case DOUBLE:
                return Schema.create(Schema.Type.DOUBLE);
            case DATE:
                return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case DATETIME:
                return (c.micros ? LogicalTypes.localTimestampMicros() : LogicalTypes.localTimestampMillis())
                        .addToSchema(Schema.create(Schema.Type.LONG));
            case TIMESTAMP:
                return (c.micros ? LogicalTypes.timestampMicros() : LogicalTypes.timestampMillis())
                        .addToSchema(Schema.create(Schema.Type.LONG));
            case STRING:
            case TIME_TEXT:
            case DECIMAL_TEXT:
                return Schema.create(Schema.Type.STRING);
            case BINARY:
            case GEOMETRY:
                return Schema.create(Schema.Type.BYTES);
            default:
                throw new IllegalStateException("no Avro type for " + c.kind);
        }
    }

    static MessageType parquet(List<Column> columns) {
        List<Type> fields = new ArrayList<>();
        for (Column c : columns) fields.add(parquetType(c));
        fields.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(RowSchema.RUN_ID));
        fields.add(Types.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS)).named(RowSchema.EXTRACTED_AT));
        return new MessageType("row", fields);
    }

    /** The physical type a column's values are written as. */
    static PrimitiveTypeName physical(ColumnKind kind) {
        switch (kind) {
            case INT8:
            case INT16:
            case INT32:
            case DATE:
                return PrimitiveTypeName.INT32;
            case INT64:
            case BITS_LONG:
            case DATETIME:
            case TIMESTAMP:
                return PrimitiveTypeName.INT64;
            case BOOLEAN_INT:
            case BOOLEAN_BIT:
                return PrimitiveTypeName.BOOLEAN;
            case UNSIGNED_BIGINT:
            case BITS_DECIMAL:
            case DECIMAL:
                return PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
            case FLOAT:
                return PrimitiveTypeName.FLOAT;
            case DOUBLE:
                return PrimitiveTypeName.DOUBLE;
            default:
                return PrimitiveTypeName.BINARY;
        }
    }

    private static Type parquetType(Column c) {
        Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b = c.nullable()
                ? Types.optional(physical(c.kind)) : Types.required(physical(c.kind));
        switch (c.kind) {
            case INT8:
                b.as(LogicalTypeAnnotation.intType(8, true));
                break;
            case INT16:
                b.as(LogicalTypeAnnotation.intType(16, true));
                break;
            case UNSIGNED_BIGINT:
            case BITS_DECIMAL:
            case DECIMAL:
                b.length(Decimals.bytesFor(c.precision)).as(LogicalTypeAnnotation.decimalType(c.scale, c.precision));
                break;
            case DATE:
                b.as(LogicalTypeAnnotation.dateType());
                break;
            case DATETIME:
            case TIMESTAMP:
                b.as(LogicalTypeAnnotation.timestampType(c.kind == ColumnKind.TIMESTAMP,
                        c.micros ? TimeUnit.MICROS : TimeUnit.MILLIS));
                break;
            case STRING:
            case TIME_TEXT:
            case DECIMAL_TEXT:
                b.as(LogicalTypeAnnotation.stringType());
                break;
            default:
                break;
        }
        return b.named(c.lakeName());
    }
}
