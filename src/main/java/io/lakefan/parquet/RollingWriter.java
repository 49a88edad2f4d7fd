package io.lakefan.parquet;

import io.lakefan.lake.ObjectOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows into numbered parts, starting a new file when the open one reaches {@code maxRowsPerFile}
 * rows or about {@code maxBytesPerFile} bytes. A file is opened on the first row it gets, so writing no
 * row writes no file. Not thread-safe.
 */
public final class RollingWriter {
    private final RowSchema schema;
    private final PartSink sink;
    private final Lineage lineage;
    private final long maxRows;
    private final long maxBytes;
    private final WriterOptions options;
    private final List<WrittenFile> written = new ArrayList<>();
    private int nextPart;
    private int openPart;
    private ObjectOutput openOutput;
    private ParquetFileWriter open;
    private long totalRows;

    private RollingWriter(RowSchema schema, PartSink sink, Lineage lineage, long maxRows, long maxBytes, int firstPart,
                          WriterOptions options) {
        if (maxRows < 1 || maxBytes < 1) throw new IllegalArgumentException("file limits must be positive");
        this.schema = schema;
        this.sink = sink;
        this.lineage = lineage;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.nextPart = firstPart;
        this.options = options;
    }

    /**
     * A rolling writer whose first part is {@code firstPart}.
     *
     * @param maxRowsPerFile  roll after this many rows
     * @param maxBytesPerFile roll once a file reaches about this size (checked after each row, buffered data included)
     */
    public static RollingWriter of(RowSchema schema, PartSink sink, Lineage lineage, long maxRowsPerFile,
                                   long maxBytesPerFile, int firstPart) {
        return of(schema, sink, lineage, maxRowsPerFile, maxBytesPerFile, firstPart, WriterOptions.DEFAULTS);
    }

    public static RollingWriter of(RowSchema schema, PartSink sink, Lineage lineage, long maxRowsPerFile,
                                   long maxBytesPerFile, int firstPart, WriterOptions options) {
        return new RollingWriter(schema, sink, lineage, maxRowsPerFile, maxBytesPerFile, firstPart, options);
    }

    public void write(Object[] row) {
        if (open == null) {
            openPart = nextPart++;
            openOutput = sink.open(openPart);
            open = ParquetFileWriter.open(schema, openOutput, lineage, options);
        }
        open.write(row);
        totalRows++;
        // the size estimate sums every column's buffers: every 16th row is cheap and overshoots little even with big rows
        if (open.rows() >= maxRows || ((open.rows() & 0xF) == 0 && open.bytesWritten() >= maxBytes)) finishOpen();
    }

    /** Rows written so far, over all parts. */
    public long rows() {
        return totalRows;
    }

    /** The files committed so far. */
    public List<WrittenFile> files() {
        return List.copyOf(written);
    }

    /** Commits the open file; returns every file written, in part order. */
    public List<WrittenFile> close() {
        if (open != null) finishOpen();
        return files();
    }

    /** Discards the open file (committed parts stay: the caller deletes them by key if it must). */
    public void abort() {
        if (open != null) {
            open.abort();
            open = null;
            openOutput = null;
        }
    }

    private void finishOpen() {
        ParquetFileWriter w = open;
        ObjectOutput out = openOutput;
        open = null;
        openOutput = null;
        w.close();
        written.add(new WrittenFile(sink.key(openPart), w.rows(), out.position()));
    }
}
