package io.lakefan.parquet;

import io.lakefan.config.TimestampPrecision;
import io.lakefan.lake.LakeException;
import io.lakefan.lake.ObjectOutput;
import io.lakefan.lake.StoredObject;
import io.lakefan.source.SourceException;
import io.lakefan.testing.DuckDb;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriterTest {
    static String db;
    static final int ROWS = 10_000;

    @BeforeAll
    static void createTable() {
        db = TestDatabase.get().createDatabase("writer");
        TestDatabase.get().exec(db, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, v VARCHAR(100), d DECIMAL(12,2), ts DATETIME(6))",
                "INSERT INTO t SELECT seq, IF(seq % 7 = 0, NULL, CONCAT('v\u00e9', seq, REPEAT('x', seq % 50))), seq / 3,"
                        + " '2020-01-01' + INTERVAL seq SECOND + INTERVAL seq MICROSECOND FROM seq_1_to_" + ROWS);
    }

    private static PartSink sink(LocalFiles files, String prefix) {
        return new PartSink() {
            @Override
            public String key(int part) {
                return prefix + "/run-1-c0-p" + part + ".snappy.parquet";
            }

            @Override
            public ObjectOutput open(int part) {
                return files.create(key(part));
            }
        };
    }

    private static final String CHECKSUM_DUCK = "SELECT count(*), md5(string_agg(id || ':' || coalesce(v, 'N') || ':' || d || ':'"
            + " || epoch_us(ts), ',' ORDER BY id)) FROM read_parquet('%s')";

    private static List<Object> mariaChecksum() throws Exception {
        try (Connection c = TestDatabase.get().connect(db); Statement s = c.createStatement()) {
            s.execute("SET SESSION group_concat_max_len = 100000000");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MD5(GROUP_CONCAT(CONCAT(id, ':', COALESCE(v, 'N'), ':', d, ':',"
                    + " TIMESTAMPDIFF(MICROSECOND, '1970-01-01', ts)) ORDER BY id SEPARATOR ',')) FROM t")) {
                rs.next();
                return List.of(rs.getLong(1), rs.getString(2));
            }
        }
    }

    @Test
    void rolling_byRows_splitsIntoNumberedPartsWithTheSameRows(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        List<WrittenFile> written = new ArrayList<>();
        Extract.run(db, "SELECT * FROM t", false, TimestampPrecision.AUTO, (schema, reader, rs) -> {
            RollingWriter w = RollingWriter.of(schema, sink(files, "tbl"), Extract.LINEAGE, 3000, Long.MAX_VALUE, 5);
            while (rs.next()) w.write(reader.read());
            written.addAll(w.close());
        });
        assertEquals(List.of("tbl/run-1-c0-p5.snappy.parquet", "tbl/run-1-c0-p6.snappy.parquet",
                "tbl/run-1-c0-p7.snappy.parquet", "tbl/run-1-c0-p8.snappy.parquet"), written.stream().map(WrittenFile::key).toList());
        assertEquals(List.of(3000L, 3000L, 3000L, 1000L), written.stream().map(WrittenFile::rows).toList());
        try (DuckDb duck = DuckDb.open()) {
            List<Object> got = duck.rows(String.format(CHECKSUM_DUCK, dir + "/tbl/*.parquet")).get(0);
            assertEquals(mariaChecksum(), List.of(((Number) got.get(0)).longValue(), got.get(1)));
            for (WrittenFile f : written) {
                assertEquals(Files.size(files.path(f.key())), f.bytes());
                long duckCount = duck.count("SELECT count(*) FROM '" + files.path(f.key()) + "'");
                assertEquals(f.rows(), duckCount);
                assertEquals(duckCount, ParquetFooters.rowCount(files, f.key(), f.bytes()));
            }
        }
    }

    @Test
    void rolling_byBytes_rollsBeforeTheTarget(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        List<WrittenFile> written = new ArrayList<>();
        Extract.run(db, "SELECT * FROM t", false, TimestampPrecision.AUTO, (schema, reader, rs) -> {
            RollingWriter w = RollingWriter.of(schema, sink(files, "tbl"), Extract.LINEAGE, Long.MAX_VALUE, 100_000, 0,
                    WriterOptions.defaults().withRowGroupBytes(64 << 10));
            while (rs.next()) w.write(reader.read());
            written.addAll(w.close());
        });
        assertTrue(written.size() >= 3, "files: " + written);
        assertEquals("tbl/run-1-c0-p0.snappy.parquet", written.get(0).key());
        assertEquals(ROWS, written.stream().mapToLong(WrittenFile::rows).sum());
        for (WrittenFile f : written) assertTrue(f.bytes() < 200_000, "file too big: " + f);
        try (DuckDb duck = DuckDb.open()) {
            List<Object> got = duck.rows(String.format(CHECKSUM_DUCK, dir + "/tbl/*.parquet")).get(0);
            assertEquals(mariaChecksum(), List.of(((Number) got.get(0)).longValue(), got.get(1)));
        }
    }

    @Test
    void rolling_withNoRows_writesNoFile(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        List<WrittenFile> written = new ArrayList<>();
        Extract.run(db, "SELECT * FROM t WHERE id < 0", false, TimestampPrecision.AUTO, (schema, reader, rs) -> {
            RollingWriter w = RollingWriter.of(schema, sink(files, "tbl"), Extract.LINEAGE, 10, 1000, 0);
            while (rs.next()) w.write(reader.read());
            written.addAll(w.close());
        });
        assertEquals(List.of(), written);
        assertEquals(List.of(), files.list(""));
    }

    @Test
    void abort_leavesNothing(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        Extract.run(db, "SELECT * FROM t", false, TimestampPrecision.AUTO, (schema, reader, rs) -> {
            ParquetFileWriter w = ParquetFileWriter.open(schema, files.create("a/one.parquet"), Extract.LINEAGE);
            for (int i = 0; i < 500 && rs.next(); i++) w.write(reader.read());
            w.abort();
            w.abort();
        });
        assertEquals(List.of(), files.list(""));

        List<WrittenFile> committed = new ArrayList<>();
        Extract.run(db, "SELECT * FROM t", false, TimestampPrecision.AUTO, (schema, reader, rs) -> {
            RollingWriter w = RollingWriter.of(schema, sink(files, "b"), Extract.LINEAGE, 1000, Long.MAX_VALUE, 0);
            for (int i = 0; i < 2500 && rs.next(); i++) w.write(reader.read());
            w.abort();
            committed.addAll(w.files());
        });
        assertEquals(List.of("b/run-1-c0-p0.snappy.parquet", "b/run-1-c0-p1.snappy.parquet"),
                files.list("").stream().map(StoredObject::key).toList());
        assertEquals(2, committed.size());
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void footer_ofANonParquetFile_isAClearError(@TempDir Path dir) throws Exception {
        LocalFiles files = new LocalFiles(dir);
        files.put("x.csv", "id,name\n1,a\n2,b\n".getBytes());
        LakeException e = assertThrows(LakeException.class, () -> ParquetFooters.rowCount(files, "x.csv", Files.size(files.path("x.csv"))));
        assertTrue(e.getMessage().contains("x.csv is not a readable Parquet file"), e.getMessage());
        files.put("tiny", new byte[3]);
        assertThrows(LakeException.class, () -> ParquetFooters.rowCount(files, "tiny", 3));

        Extract.toFile(db, "SELECT * FROM t", false, TimestampPrecision.AUTO, files, "whole.parquet");
        byte[] whole = Files.readAllBytes(files.path("whole.parquet"));
        assertEquals(ROWS, ParquetFooters.rowCount(files, "whole.parquet", whole.length));
        files.put("cut.parquet", java.util.Arrays.copyOf(whole, whole.length - 100));
        e = assertThrows(LakeException.class, () -> ParquetFooters.rowCount(files, "cut.parquet", whole.length - 100));
        assertTrue(e.getMessage().contains("PAR1"), e.getMessage());
        // the magic is there but the footer is garbage
        byte[] broken = whole.clone();
        for (int i = broken.length - 60; i < broken.length - 8; i++) broken[i] = (byte) 0xEE;
        files.put("broken.parquet", broken);
        e = assertThrows(LakeException.class, () -> ParquetFooters.rowCount(files, "broken.parquet", broken.length));
        assertTrue(e.getMessage().contains("is not a readable Parquet file"), e.getMessage());
    }

    @Test
    void unmappedType_namesColumnAndType() throws Exception {
        UnmappedTypeException e = assertThrows(UnmappedTypeException.class,
                () -> Extract.run(db, "SELECT id, NULL AS nothing FROM t", false, TimestampPrecision.AUTO, (s, r, rs) -> { }));
        assertEquals("nothing", e.column());
        assertTrue(e.getMessage().contains("column 'nothing' has type " + e.type()), e.getMessage());
        assertTrue(e instanceof SourceException);
    }

    @Test
    void columnsCollidingAfterSanitizing_areAnErrorNamingBoth() {
        SourceException e = assertThrows(SourceException.class, () -> Extract.run(db,
                "SELECT id AS `Order ID`, v AS order_id FROM t", false, TimestampPrecision.AUTO, (s, r, rs) -> { }));
        assertTrue(e.getMessage().contains("'order_id'") && e.getMessage().contains("'Order ID'"), e.getMessage());
        e = assertThrows(SourceException.class, () -> Extract.run(db,
                "SELECT id AS _LAKEFAN_RUN_ID FROM t", false, TimestampPrecision.AUTO, (s, r, rs) -> { }));
        assertTrue(e.getMessage().contains("lineage"), e.getMessage());
    }
}
