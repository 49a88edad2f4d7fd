package io.lakefan.extract;

import io.lakefan.config.TableConfig;
import io.lakefan.lake.LakeLayout;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.ObjectOutput;
import io.lakefan.parquet.Lineage;
import io.lakefan.parquet.PartSink;
import io.lakefan.parquet.RollingWriter;
import io.lakefan.parquet.RowReader;
import io.lakefan.parquet.RowSchema;
import io.lakefan.parquet.WrittenFile;
import io.lakefan.run.DataFile;
import io.lakefan.run.Plan;
import io.lakefan.run.Window;
import io.lakefan.source.JdbcSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Reads one unit of work (a table, or a chunk of one) from the source and streams it into Parquet files
 * with deterministic keys. Before writing it deletes whatever an earlier attempt of the same unit left, so
 * a retry never duplicates rows; if it fails it deletes what it wrote.
 */
final class TableReader {
    private final ObjectStore lake;
    private final JdbcSource source;
    private final ExtractListener listener;

    TableReader(ObjectStore lake, JdbcSource source, ExtractListener listener) {
        this.lake = lake;
        this.source = source;
        this.listener = listener;
    }

    /** A unit of work: which rows, into which files. */
    record Unit(Plan plan, TableConfig table, int chunk, int firstPart, Window window, SourceQuery query,
                Instant extractedAt) {
    }

    ExtractResult read(Connection conn, Unit unit) throws SQLException, InterruptedException {
        String table = unit.table().lakeName();
        deleteLeftovers(unit);
        listener.started(table);
        List<WrittenFile> written = new ArrayList<>();
        RollingWriter writer = null;
        try (PreparedStatement ps = conn.prepareStatement(unit.query().sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE); // MySQL streaming: one row at a time, flat memory
            unit.query().bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                RowSchema schema = RowSchema.of(rs.getMetaData(), unit.table());
                RowReader reader = RowReader.of(schema, rs);
                writer = RollingWriter.of(schema, new UnitSink(lake, unit), Lineage.of(unit.plan().runId(),
                        unit.extractedAt()), unit.table().maxRowsPerFile(), unit.table().maxBytesPerFile(),
                        unit.firstPart());
                long rows = 0;
                long nextReport = System.currentTimeMillis() + 1000;
                try (RowPipe pipe = RowPipe.start(() -> rs.next() ? reader.read() : null, () -> abort(conn), table)) {
                    Object[][] batch;
                    while ((batch = pipe.next()) != null) {
                        for (Object[] row : batch) writer.write(row);
                        rows += batch.length;
                        if (System.currentTimeMillis() >= nextReport) {
                            listener.progress(table, rows);
                            nextReport = System.currentTimeMillis() + 1000;
                        }
                    }
                }
                written = writer.close();
                writer = null;
                listener.progress(table, rows);
                return new ExtractResult(toDataFiles(written), unit.window(), reader.zeroDates(), Map.of());
            }
        } catch (SQLException | InterruptedException | RuntimeException e) {
            if (writer != null) writer.abort();
            deleteLeftovers(unit);
            throw e;
        }
    }

    /** Parts of a unit go to their deterministic keys in the lake. */
    private record UnitSink(ObjectStore lake, Unit unit) implements PartSink {
        @Override
        public String key(int part) {
            return LakeLayout.dataFile(unit.plan().database(), unit.table().lakeName(), unit.plan().ingestDate(),
                    unit.plan().runId(), unit.chunk(), part);
        }

        @Override
        public ObjectOutput open(int part) {
            return lake.create(key(part));
        }
    }

    private static List<DataFile> toDataFiles(List<WrittenFile> written) {
        return written.stream().map(f -> new DataFile(f.key(), f.rows(), f.bytes())).toList();
    }

    /** Deletes the files of this unit numbered from {@code firstPart} on (earlier parts belong to finished segments). */
    void deleteLeftovers(Unit unit) {
        String prefix = LakeLayout.unitPrefix(unit.plan().database(), unit.table().lakeName(), unit.plan().ingestDate(),
                unit.plan().runId(), unit.chunk());
        List<String> stale = lake.list(prefix).stream().map(StoredObject::key)
                .filter(k -> LakeLayout.partOf(k).orElse(Integer.MAX_VALUE) >= unit.firstPart()).toList();
        if (!stale.isEmpty()) lake.delete(stale);
    }

    /** Stops a streaming read at once (closing a streaming result set would read it to the end). */
    private static void abort(Connection conn) {
        try {
            conn.abort(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "lakefan-abort");
                t.setDaemon(true);
                return t;
            }));
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }

    JdbcSource source() {
        return source;
    }
}
