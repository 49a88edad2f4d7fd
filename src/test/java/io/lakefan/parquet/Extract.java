package io.lakefan.parquet;

import io.lakefan.config.TimestampPrecision;
import io.lakefan.source.JdbcSource;
import io.lakefan.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

/** Test helper: streams a query from the test MariaDB through {@link RowReader} into Parquet files. */
final class Extract {
    static final Lineage LINEAGE = Lineage.of("run-1", Instant.parse("2026-11-21T10:00:00.123Z"));

    RowSchema schema;
    long zeroDates;

    interface Body {
        void run(RowSchema schema, RowReader reader, ResultSet rs) throws Exception;
    }

    static Extract run(String db, String sql, boolean booleans, TimestampPrecision precision, Body body) throws Exception {
        Extract out = new Extract();
        try (Connection c = JdbcSource.of(() -> TestDatabase.get().credentials(db)).connect();
             Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = s.executeQuery(sql)) {
                out.schema = RowSchema.of(rs.getMetaData(), booleans, precision);
                RowReader reader = RowReader.of(out.schema, rs);
                body.run(out.schema, reader, rs);
                out.zeroDates = reader.zeroDates();
            }
        }
        return out;
    }

    /** Writes the whole query to one file at {@code key}. */
    static Extract toFile(String db, String sql, boolean booleans, TimestampPrecision precision, LocalFiles files, String key)
            throws Exception {
        return run(db, sql, booleans, precision, (schema, reader, rs) -> {
            ParquetFileWriter w = ParquetFileWriter.open(schema, files.create(key), LINEAGE);
            while (rs.next()) w.write(reader.read());
            w.close();
        });
    }
}
