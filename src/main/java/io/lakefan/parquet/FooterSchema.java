package io.lakefan.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakefan.lake.LakeException;
import io.lakefan.lake.ObjectStore;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Glue/Hive columns of a Parquet file in the lake, read from its footer without Hadoop: the types lakefan
 * recorded under {@value RowSchema#COLUMNS_KEY} when present (plus the lineage columns), else derived from the
 * Parquet schema itself (files written by another tool, or an older lakefan).
 */
public final class FooterSchema {
    private FooterSchema() {
    }

    /**
     * Column name to Glue type, in file order, lineage columns included.
     *
     * @param size the object's size in bytes
     * @throws LakeException when the object is not a readable Parquet file
     */
    public static Map<String, String> glueColumns(ObjectStore store, String key, long size) {
        FileMetaData footer = ParquetFooters.footer(store, key, size);
        Map<String, String> fromParquet = fromSchema(footer.getSchema());
        String recorded = recorded(footer.getKey_value_metadata());
        if (recorded == null) return fromParquet;
        try {
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonNode c : new ObjectMapper().readTree(recorded)) out.put(c.get("lake").asText(), c.get("glue").asText());
            // the lineage columns are not in lakefan.columns; take them (and anything else) from the schema
            fromParquet.forEach(out::putIfAbsent);
            return out;
        } catch (IOException | RuntimeException e) {
            return fromParquet;
        }
    }

    private static String recorded(List<KeyValue> metadata) {
        if (metadata == null) return null;
        for (KeyValue kv : metadata) if (RowSchema.COLUMNS_KEY.equals(kv.getKey())) return kv.getValue();
        return null;
    }

    /** The top-level fields of a schema (element 0 is the root); lakefan writes flat files, a group reads as string. */
    static Map<String, String> fromSchema(List<SchemaElement> schema) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 1;
        while (i < schema.size()) {
            SchemaElement e = schema.get(i);
            out.put(e.getName(), e.isSetNum_children() && e.getNum_children() > 0 ? "string" : glueType(e));
            i += 1 + descendants(schema, i);
        }
        return out;
    }

    private static int descendants(List<SchemaElement> schema, int index) {
        SchemaElement e = schema.get(index);
        if (!e.isSetNum_children()) return 0;
        int n = 0;
        int next = index + 1;
        for (int c = 0; c < e.getNum_children(); c++) {
            int d = 1 + descendants(schema, next);
            n += d;
            next += d;
        }
        return n;
    }

    static String glueType(SchemaElement e) {
        LogicalType lt = e.isSetLogicalType() ? e.getLogicalType() : null;
        ConvertedType ct = e.isSetConverted_type() ? e.getConverted_type() : null;
        if ((lt != null && lt.isSetDECIMAL()) || ct == ConvertedType.DECIMAL) {
            int p = lt != null && lt.isSetDECIMAL() ? lt.getDECIMAL().getPrecision() : e.getPrecision();
            int s = lt != null && lt.isSetDECIMAL() ? lt.getDECIMAL().getScale() : e.getScale();
            return "decimal(" + p + "," + s + ")";
        }
        Type t = e.getType();
        if (t == null) return "string";
        switch (t) {
            case BOOLEAN:
                return "boolean";
            case INT32:
                if ((lt != null && lt.isSetDATE()) || ct == ConvertedType.DATE) return "date";
                if (lt != null && lt.isSetINTEGER()) {
                    int bits = lt.getINTEGER().getBitWidth();
                    boolean signed = lt.getINTEGER().isIsSigned();
                    if (bits == 8) return signed ? "tinyint" : "smallint";
                    if (bits == 16) return signed ? "smallint" : "int";
                    return signed ? "int" : "bigint";
                }
                if (ct == ConvertedType.INT_8) return "tinyint";
                if (ct == ConvertedType.INT_16) return "smallint";
                return "int";
            case INT64:
                if ((lt != null && lt.isSetTIMESTAMP()) || ct == ConvertedType.TIMESTAMP_MILLIS
                        || ct == ConvertedType.TIMESTAMP_MICROS) return "timestamp";
                if (lt != null && lt.isSetINTEGER() && !lt.getINTEGER().isIsSigned()) return "decimal(20,0)";
                return "bigint";
            case INT96:
                return "timestamp";
            case FLOAT:
                return "float";
            case DOUBLE:
                return "double";
            case BYTE_ARRAY:
                if ((lt != null && (lt.isSetSTRING() || lt.isSetENUM() || lt.isSetJSON())) || ct == ConvertedType.UTF8
                        || ct == ConvertedType.ENUM || ct == ConvertedType.JSON) return "string";
                return "binary";
            default:
                return "binary";
        }
    }
}
