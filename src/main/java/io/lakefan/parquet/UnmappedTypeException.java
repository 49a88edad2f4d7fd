package io.lakefan.parquet;

import io.lakefan.source.SourceException;

/**
 * A source column has a type lakefan cannot land in Parquet. The table fails rather than silently
 * dropping the column; the message names the column and its type. Cast the column in a custom query
 * (for example {@code CAST(col AS CHAR)}) or leave it out.
 */
public class UnmappedTypeException extends SourceException {
    private final String column;
    private final String type;

    public UnmappedTypeException(String column, String type) {
        super("column '" + column + "' has type " + type + ", which lakefan cannot write to Parquet: cast it in a "
                + "custom query (for example CAST(`" + column + "` AS CHAR)) or leave it out of the query");
        this.column = column;
        this.type = type;
    }

    /** The source column's name. */
    public String column() {
        return column;
    }

    /** The source type as the driver reported it. */
    public String type() {
        return type;
    }
}
