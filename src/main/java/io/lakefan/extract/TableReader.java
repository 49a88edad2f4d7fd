package io.lakefan.extract;

import io.lakefan.config.TableConfig;
import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.lake.ObjectOutput;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.parquet.Lineage;
import io.lakefan.parquet.PartSink;
import io.lakefan.parquet.RollingWriter;
import io.lakefan.parquet.RowReader;
import io.lakefan.parquet.RowSchema;
import io.lakefan.parquet.WrittenFile;
import io.lakefan.run.DataFile;
import io.lakefan.run.KeyColumn;
import io.lakefan.run.Plan;
import io.lakefan.run.TimeBudget;
import io.lakefan.run.Window;
import io.lakefan.source.JdbcSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Reads one segment of a unit of work (a table, or a chunk of one) and streams it into Parquet files with
 * deterministic keys. Before writing it deletes whatever an earlier attempt of the same segment left, so a
 * retry never duplicates rows; if it fails it deletes what it wrote. When the time budget runs low it stops
 * after a whole batch, commits its files and reports the key to resume after.
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

    /**
     * A segment of a unit of work: which rows (the query, already narrowed to the unit and the resume point,
     * ordered by {@code keys}), into which files (from {@code firstPart} on).
     */
    record Unit(Plan plan, TableConfig table, int chunk, int firstPart, Window window, SourceQuery query,
                List<KeyColumn> keys, Instant extractedAt) {
    }

    ExtractResult read(Connection conn, Unit unit, TimeBudget budget, long marginMillis)
            throws SQLException, InterruptedException {
        String table = unit.table().lakeName();
        deleteLeftovers(unit);
        listener.started(table);
        RollingWriter writer = null;
        PreparedStatement ps = null;
        ResultSet rs = null;
        try {
            SourceQuery query = exactFloats(conn, unit);
            ps = conn.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(Integer.MIN_VALUE); // MySQL streaming: one row at a time, flat memory
            query.bind(ps);
            rs = ps.executeQuery();
            RowSchema schema = RowSchema.of(rs.getMetaData(), unit.table());
            RowReader reader = RowReader.of(schema, rs);
            writer = RollingWriter.of(schema, new UnitSink(lake, unit), Lineage.of(unit.plan().runId(),
                    unit.extractedAt()), unit.table().maxRowsPerFile(), unit.table().maxBytesPerFile(),
                    unit.firstPart());
            long rows = 0;
            long nextReport = System.currentTimeMillis() + 1000;
            List<String> stoppedAfter = null;
            try (RowPipe pipe = RowPipe.start(cursor(rs, reader, unit.keys()), () -> abort(conn), table)) {
                RowPipe.Batch batch;
                while ((batch = pipe.next()) != null) {
                    for (Object[] row : batch.rows()) writer.write(row);
                    rows += batch.rows().length;
                    if (System.currentTimeMillis() >= nextReport) {
                        listener.progress(table, rows);
                        nextReport = System.currentTimeMillis() + 1000;
                    }
                    if (batch.lastKey() != null && budget.remainingMillis() < marginMillis) {
                        stoppedAfter = batch.lastKey(); // closing the pipe stops the read
                        break;
                    }
                }
            }
            List<WrittenFile> written = writer.close();
            writer = null;
            listener.progress(table, rows);
            int nextPart = unit.firstPart() + written.size();
            Map<String, String> resume = stoppedAfter == null ? Map.of()
                    : Map.of("after", new String(Json.write(stoppedAfter), StandardCharsets.UTF_8),
                    "part", Integer.toString(nextPart));
            return new ExtractResult(toDataFiles(written), unit.window(), reader.zeroDates(), resume);
        } catch (SQLException | InterruptedException | RuntimeException e) {
            if (writer != null) writer.abort();
            deleteLeftovers(unit);
            throw e;
        } finally {
            // the rows that count were read above; a read stopped early leaves a closed socket behind
            closeQuietly(rs);
            closeQuietly(ps);
        }
    }

    /**
     * MySQL's text protocol prints FLOAT with 6 significant digits, which loses bits; a FLOAT read as
     * {@code CAST(col AS DOUBLE)} arrives with every bit (float to double is exact) and lands as a double.
     * A custom query is never edited: cast FLOAT columns there yourself.
     */
    private static SourceQuery exactFloats(Connection conn, Unit unit) throws SQLException {
        if (unit.table().customQuery()) return unit.query();
        List<String> list = new ArrayList<>();
        boolean any = false;
        try (PreparedStatement probe = conn.prepareStatement("SELECT * FROM " + unit.query().from() + " WHERE 1 = 0");
             ResultSet rs = probe.executeQuery()) {
            java.sql.ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String col = io.lakefan.config.Names.quote(md.getColumnName(i));
                if (md.getColumnTypeName(i).toUpperCase(java.util.Locale.ROOT).startsWith("FLOAT")) {
                    list.add("CAST(" + col + " AS DOUBLE) AS " + col);
                    any = true;
                } else {
                    list.add(col);
                }
            }
        }
        return any ? SourceQuery.of(unit.query()).select(String.join(", ", list)) : unit.query();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing left to read from it
        }
    }

    private static RowPipe.Cursor cursor(ResultSet rs, RowReader reader, List<KeyColumn> keys) throws SQLException {
        int[] index = new int[keys.size()];
        for (int i = 0; i < index.length; i++) index[i] = rs.findColumn(keys.get(i).name());
        return new RowPipe.Cursor() {
            @Override
            public boolean next() throws SQLException {
                return rs.next();
            }

            @Override
            public Object[] row() {
                return reader.read();
            }

            @Override
            public List<String> key() throws SQLException {
                if (index.length == 0) return null;
                List<String> k = new ArrayList<>(index.length);
                for (int i = 0; i < index.length; i++) k.add(SqlValues.read(rs, index[i], keys.get(i).type()));
                return k;
            }
        };
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
        deleteParts(unit.plan(), unit.table().lakeName(), unit.chunk(), unit.firstPart());
    }

    void deleteParts(Plan plan, String table, int chunk, int fromPart) {
        String prefix = LakeLayout.unitPrefix(plan.database(), table, plan.ingestDate(), plan.runId(), chunk);
        List<String> stale = lake.list(prefix).stream().map(StoredObject::key)
                .filter(k -> LakeLayout.partOf(k).orElse(Integer.MAX_VALUE) >= fromPart).toList();
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
