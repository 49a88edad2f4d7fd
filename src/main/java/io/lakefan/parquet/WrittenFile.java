package io.lakefan.parquet;

/**
 * One committed Parquet file.
 *
 * @param key   its lake key
 * @param rows  rows in it
 * @param bytes its size
 */
public record WrittenFile(String key, long rows, long bytes) {
}
