package io.lakefan.parquet;

/**
 * One column of a {@link RowSchema}: where it comes from and what it becomes.
 * {@link #glueType()} is the Glue/Hive type to register for it.
 */
public final class Column {
    private final String sourceName;
    private final String lakeName;
    private final String sourceType;
    private final String glueType;
    private final boolean nullable;
    final ColumnKind kind;
    /** DECIMAL precision and scale (also 20,0 for unsigned 64-bit values); 0 otherwise. */
    final int precision;
    final int scale;
    /** Timestamps: true for microseconds, false for milliseconds. */
    final boolean micros;

    Column(String sourceName, String lakeName, String sourceType, String glueType, boolean nullable,
           ColumnKind kind, int precision, int scale, boolean micros) {
        this.sourceName = sourceName;
        this.lakeName = lakeName;
        this.sourceType = sourceType;
        this.glueType = glueType;
        this.nullable = nullable;
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
        this.micros = micros;
    }

    /** The name in the source result set. */
    public String sourceName() {
        return sourceName;
    }

    /** The name in Parquet and the catalog ({@link io.lakefan.config.Names#lake}). */
    public String lakeName() {
        return lakeName;
    }

    /** The source type as text, for example {@code DECIMAL(12,2)} or {@code DATETIME(6)}. */
    public String sourceType() {
        return sourceType;
    }

    /** The Glue/Hive type: {@code bigint}, {@code decimal(12,2)}, {@code timestamp}, {@code string}, ... */
    public String glueType() {
        return glueType;
    }

    /** Whether the Parquet column is optional (every source column that may be null, or whose nullability is unknown). */
    public boolean nullable() {
        return nullable;
    }

    @Override
    public String toString() {
        return sourceName + " " + sourceType + " -> " + lakeName + " " + glueType + (nullable ? "" : " not null");
    }
}
