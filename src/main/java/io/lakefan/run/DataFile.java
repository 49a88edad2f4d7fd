package io.lakefan.run;

/** One Parquet file written by an extract: its key in the lake, rows and bytes. */
public record DataFile(String key, long rows, long bytes) {
}
