package io.lakefan.parquet;

/**
 * Sizes of a Parquet writer. A row group is held in memory (compressed pages plus the open pages) until it
 * is flushed, so {@code rowGroupBytes} bounds the writer's heap; 32 MB keeps an extract far below a
 * 256 MB Lambda heap even while the reader thread buffers rows, and still gives ~128 MB files four row
 * groups, which Athena reads in parallel.
 *
 * @param rowGroupBytes target row group size (buffered bytes)
 * @param pageBytes     target page size
 * @param dictionaryPageBytes largest dictionary per column before falling back to plain encoding
 */
public record WriterOptions(long rowGroupBytes, int pageBytes, int dictionaryPageBytes) {
    /** 32 MB row groups, 1 MB pages, 1 MB dictionaries. */
    public static final WriterOptions DEFAULTS = new WriterOptions(32L << 20, 1 << 20, 1 << 20);

    public WriterOptions {
        if (rowGroupBytes < (1 << 16) || pageBytes < 1024 || dictionaryPageBytes < 1024) {
            throw new IllegalArgumentException("writer sizes too small: " + rowGroupBytes + ", " + pageBytes + ", " + dictionaryPageBytes);
        }
    }

    public static WriterOptions defaults() {
        return DEFAULTS;
    }

    public WriterOptions withRowGroupBytes(long bytes) {
        return new WriterOptions(bytes, pageBytes, dictionaryPageBytes);
    }
}
