package io.lakefan.parquet;

import io.lakefan.lake.LakeException;
import io.lakefan.lake.ObjectOutput;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;

import java.io.IOException;

/**
 * Writes one Parquet file (snappy, dictionary encoding) of {@link RowReader} rows into an
 * {@link ObjectOutput}, streaming: only the open row group is in memory. No Hadoop at runtime.
 * {@link #close()} commits the object; {@link #abort()} discards it. Not thread-safe.
 */
public final class ParquetFileWriter implements AutoCloseable {
    private final ObjectOutput out;
    private final ParquetWriter<Object[]> writer;
    private long rows;
    private boolean done;

    private ParquetFileWriter(ObjectOutput out, ParquetWriter<Object[]> writer) {
        this.out = out;
        this.writer = writer;
    }

    /** A writer with {@link WriterOptions#DEFAULTS}. */
    public static ParquetFileWriter open(RowSchema schema, ObjectOutput out, Lineage lineage) {
        return open(schema, out, lineage, WriterOptions.DEFAULTS);
    }

    public static ParquetFileWriter open(RowSchema schema, ObjectOutput out, Lineage lineage, WriterOptions options) {
        try {
            ParquetWriter<Object[]> w = new Builder(new ObjectOutputFile(out, "lakefan"), new RowWriteSupport(schema, lineage))
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new SnappyCodecFactory())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withDictionaryEncoding(true)
                    .withRowGroupSize(options.rowGroupBytes())
                    .withPageSize(options.pageBytes())
                    .withDictionaryPageSize(options.dictionaryPageBytes())
                    .withMaxPaddingSize(0)
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                    .withValidation(false)
                    .withSizeStatisticsEnabled(false) // unencoded-size histograms: no engine we target reads them
                    .build();
            return new ParquetFileWriter(out, w);
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw new LakeException("cannot start a Parquet file: " + e.getMessage(), e);
        }
    }

    /** Writes one row (values as {@link RowReader} makes them, lineage appended). */
    public void write(Object[] row) {
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new LakeException("writing Parquet failed: " + e.getMessage(), e);
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Approximate size of the file so far: bytes already written plus the buffered row group. */
    public long bytesWritten() {
        return writer.getDataSize();
    }

    /** Finishes the file (footer) and commits the object. On failure the object is discarded. */
    @Override
    public void close() {
        if (done) return;
        done = true;
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw new LakeException("finishing a Parquet file failed: " + e.getMessage(), e);
        }
    }

    /** Discards the file; nothing is committed. Safe after a failure and more than once. */
    public void abort() {
        done = true;
        out.abort();
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final WriteSupport<Object[]> support;

        Builder(OutputFile file, WriteSupport<Object[]> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        @SuppressWarnings("deprecation") // abstract in parquet 1.17: must be implemented, never called here
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
