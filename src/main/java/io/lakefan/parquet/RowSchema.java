package io.lakefan.parquet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lakefan.config.TableConfig;
import io.lakefan.config.TimestampPrecision;
import io.lakefan.source.SourceException;
import org.apache.avro.Schema;
import org.apache.parquet.schema.MessageType;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one extract as they land in Parquet, made from a result set's metadata; the lineage
 * columns {@value #RUN_ID} and {@value #EXTRACTED_AT} follow them in every file. Immutable and shareable
 * between threads.
 *
 * <p>Mapping (Parquet type / Glue type): TINYINT int32 INT(8) / tinyint; TINYINT UNSIGNED, SMALLINT int32
 * INT(16) / smallint; SMALLINT UNSIGNED, MEDIUMINT, INT, YEAR int32 / int; INT UNSIGNED, BIGINT int64 / bigint;
 * BIGINT UNSIGNED and BIT(64) DECIMAL(20,0); BIT(n&lt;64) int64 / bigint; TINYINT(1) and BIT(1) boolean when
 * the table asks for booleans (a nonzero TINYINT(1) is true); DECIMAL(p,s) DECIMAL(p,s) up to p = 38, and
 * <b>above 38 digits a string</b> holding the exact decimal text, because Athena and Glue stop at 38;
 * FLOAT float, DOUBLE double (FLOAT arrives as MariaDB's text, which has 6 significant digits: cast to
 * DOUBLE in the query to keep every bit); DATE date; DATETIME timestamp not UTC-adjusted; TIMESTAMP
 * timestamp UTC-adjusted, both in milliseconds or microseconds per {@link TimestampPrecision}; zero and
 * invalid dates null (counted by {@link RowReader#zeroDates()}); CHAR, VARCHAR, TEXT, ENUM, SET, JSON, TIME
 * string; BINARY, VARBINARY, BLOB binary; spatial types binary WKB. Other types fail with
 * {@link UnmappedTypeException}.
 */
public final class RowSchema {
    /** Lineage column: the run that wrote the row (string, required). */
    public static final String RUN_ID = "_lakefan_run_id";
    /** Lineage column: when the extract started (timestamp millis, UTC-adjusted, required). */
    public static final String EXTRACTED_AT = "_lakefan_extracted_at";
    /** Footer key holding the source names and types, a JSON array of {source, lake, type, glue}. */
    public static final String COLUMNS_KEY = "lakefan.columns";

    private final List<Column> columns;
    private final Schema avro;
    private final MessageType parquet;

    private RowSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.avro = SchemaBuilder.avro(this.columns);
        this.parquet = SchemaBuilder.parquet(this.columns);
    }

    /** The schema of a result set for a configured table (its booleans and timestamp precision options). */
    public static RowSchema of(ResultSetMetaData metadata, TableConfig table) {
        return of(metadata, table.booleans(), table.timestampPrecision());
    }

    /**
     * The schema of a result set.
     *
     * @throws UnmappedTypeException when a column's type has no Parquet mapping
     * @throws SourceException when two columns get the same lake name, or the metadata cannot be read
     */
    public static RowSchema of(ResultSetMetaData metadata, boolean booleans, TimestampPrecision precision) {
        TypeMapper mapper = new TypeMapper(booleans, precision);
        try {
            int n = metadata.getColumnCount();
            List<Column> columns = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) columns.add(mapper.map(metadata, i));
            return of(columns);
        } catch (SQLException e) {
            throw new SourceException("cannot read the result set's column metadata: " + e.getMessage(), e);
        }
    }

    static RowSchema of(List<Column> columns) {
        Map<String, String> seen = new HashMap<>();
        seen.put(RUN_ID, "lakefan's lineage column " + RUN_ID);
        seen.put(EXTRACTED_AT, "lakefan's lineage column " + EXTRACTED_AT);
        for (Column c : columns) {
            String before = seen.putIfAbsent(c.lakeName(), "column '" + c.sourceName() + "'");
            if (before != null) {
                throw new SourceException("column '" + c.sourceName() + "' and " + before + " both become '"
                        + c.lakeName() + "' in the lake (names are lower case, [a-z0-9_]): rename one with an alias "
                        + "in a custom query");
            }
        }
        return new RowSchema(columns);
    }

    /** The source columns, in result-set order (without the lineage columns). */
    public List<Column> columns() {
        return columns;
    }

    /** Number of source columns: the length of a row from {@link RowReader}. */
    public int size() {
        return columns.size();
    }

    /** The Avro schema of a written row, lineage columns included (also stored in the footer). */
    public Schema avroSchema() {
        return avro;
    }

    /** The Parquet schema, lineage columns included. */
    public MessageType parquetSchema() {
        return parquet;
    }

    /** The Glue/Hive columns, lineage included, lake name to type, in file order. */
    public Map<String, String> glueColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Column c : columns) out.put(c.lakeName(), c.glueType());
        out.put(RUN_ID, "string");
        out.put(EXTRACTED_AT, "timestamp");
        return out;
    }

    /** The footer metadata: the source columns as JSON under {@value #COLUMNS_KEY}, and the Avro schema. */
    Map<String, String> footerMetadata() {
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        for (Column c : columns) {
            array.addObject().put("source", c.sourceName()).put("lake", c.lakeName())
                    .put("type", c.sourceType()).put("glue", c.glueType());
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(COLUMNS_KEY, array.toString());
        meta.put("parquet.avro.schema", avro.toString());
        meta.put("writer.model.name", "avro");
        return meta;
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
