package io.lakefan.bench;

import io.lakefan.Lakefan;
import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.event.DispatchEvent;
import io.lakefan.extract.ExtractListener;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.Views;
import io.lakefan.lake.ObjectStore;
import io.lakefan.local.FileObjectStore;
import io.lakefan.local.FooterRowCounter;
import io.lakefan.local.StaticCredentials;
import io.lakefan.local.ThreadPoolInvoker;
import io.lakefan.run.Plan;
import io.lakefan.run.RunSummary;
import io.lakefan.source.DbCredentials;
import io.lakefan.source.JdbcSource;
import io.lakefan.testing.TestDatabase;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code mvn -B -Pbench clean verify -Dbench.rows=N}: creates a table of N rows (bigint id, int, varchar,
 * decimal(12,2), text, datetime(6), timestamp(3), tinyint, json, date) in an embedded MariaDB and, in this one
 * process, times a plain JDBC streaming read of every column against lakefan's extract of the same table into
 * a local lake. Prints rows/s of each, their ratio and the peak heap of each phase. Each is run twice; the
 * faster pass counts (the first pays for JIT warm-up).
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 2_000_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rows")) rows = Long.parseLong(args[++i].replace("_", ""));
        }
        header("lakefan benchmark", rows);
        compare(TestDatabase.get(), rows);
        System.exit(0);
    }

    static void header(String what, long rows) {
        System.out.printf("%s: %,d rows, max heap %d MB, %d cores, %s, load average %.2f%n", what, rows,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Creates {@code bench.bench_rows} with {@code rows} rows and times a plain read against lakefan's extract,
     * twice each; prints the best of each, their ratio and the peak heap. Leaves the table for later phases.
     */
    static void compare(TestDatabase db, long rows) throws Exception {
        String database = db.createDatabaseNamed("bench");
        long t0 = System.nanoTime();
        BenchTable.create(db, database, "bench_rows", rows);
        System.out.printf("created table bench_rows in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        DbCredentials creds = db.credentials(database);
        Path lake = Files.createTempDirectory("lakefan-bench-lake");
        Phase best = null;
        Phase bestRead = null;
        for (int pass = 1; pass <= 2; pass++) {
            Phase read = measure("plain JDBC read", rows, () -> plainRead(creds));
            Phase extract = measure("lakefan extract", rows, () -> extract(creds, lake, "bench_rows"));
            bestRead = bestRead == null || read.rowsPerSecond() > bestRead.rowsPerSecond() ? read : bestRead;
            best = best == null || extract.rowsPerSecond() > best.rowsPerSecond() ? extract : best;
        }
        System.out.println();
        System.out.printf("%-18s %14s %10s %16s %16s%n", "", "rows/s", "seconds", "peak used MB", "peak live MB");
        for (Phase p : new Phase[]{bestRead, best}) {
            System.out.printf("%-18s %,14.0f %10.2f %16d %16d%n", p.name(), p.rowsPerSecond(), p.seconds(),
                    p.peakUsedMb(), p.peakLiveMb());
        }
        System.out.printf("ratio extract / plain read: %.2f%n", best.rowsPerSecond() / bestRead.rowsPerSecond());
        long bytes;
        try (Stream<Path> s = Files.walk(lake.resolve("bench"))) {
            bytes = s.filter(p -> p.toString().endsWith(".parquet")).mapToLong(p -> p.toFile().length()).sum() / 2;
        }
        System.out.printf("parquet written per run: %.1f MB%n", bytes / 1048576.0);
        try (Stream<Path> s = Files.walk(lake)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A measured phase. */
    record Phase(String name, long rows, double seconds, long peakUsedMb, long peakLiveMb) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    interface Body {
        long run() throws Exception;
    }

    static Phase measure(String name, long expectedRows, Body body) throws Exception {
        long start;
        long n;
        HeapProbe probe = HeapProbe.start();
        try (probe) {
            start = System.nanoTime();
            n = body.run();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (n != expectedRows) throw new IllegalStateException(name + " saw " + n + " rows, expected " + expectedRows);
        Phase phase = new Phase(name, n, secs, probe.peakUsedMb(), probe.peakLiveMb());
        System.out.printf("  %-18s %,d rows in %.2f s = %,.0f rows/s, peak heap used %d MB, live %d MB%n", name, n,
                secs, phase.rowsPerSecond(), phase.peakUsedMb(), phase.peakLiveMb());
        return phase;
    }

    /** What a hand-written extractor does first: stream the table and touch every column of every row. */
    static long plainRead(DbCredentials creds) throws Exception {
        try (Connection c = JdbcSource.of(() -> creds).connect();
             Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            long n = 0;
            long sink = 0;
            try (ResultSet rs = s.executeQuery("SELECT * FROM bench_rows")) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        Object v = rs.getObject(i);
                        if (v != null) sink += v.hashCode() & 1;
                    }
                    n++;
                }
            }
            if (sink == -1) System.out.println(sink);
            return n;
        }
    }

    /** lakefan's whole local path: plan, extract to Parquet files, finalize with footer validation. */
    static long extract(DbCredentials creds, Path lakeDir, String table) throws Exception {
        ObjectStore lake = FileObjectStore.at(lakeDir);
        LakefanConfig config = ConfigLoader.parse("bench", ("{\"tables\":[{\"name\":\"" + table + "\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        return runLocal(lake, creds, config, Function.identity());
    }

    static long runLocal(ObjectStore lake, DbCredentials creds, LakefanConfig config,
                         Function<Lakefan.Ports, Lakefan.Ports> adjust) throws Exception {
        return runLocal(lake, creds, config, adjust, 4);
    }

    static long runLocal(ObjectStore lake, DbCredentials creds, LakefanConfig config,
                         Function<Lakefan.Ports, Lakefan.Ports> adjust, int threads) throws Exception {
        try (ThreadPoolInvoker invoker = new ThreadPoolInvoker(threads, 1)) {
            Lakefan lakefan = Lakefan.create(adjust.apply(new Lakefan.Ports(lake, invoker, new StaticCredentials(creds),
                            () -> config, Catalog.NONE, new FooterRowCounter(lake), Views.NONE, ExtractListener.NONE,
                            Clock.systemUTC())),
                    Lakefan.Settings.local("bench"));
            invoker.bind(lakefan::handle);
            Plan plan = lakefan.dispatch(new DispatchEvent(null, java.util.List.of(), 0));
            invoker.awaitIdle();
            RunSummary summary = lakefan.runs().summary(plan.runId()).orElseThrow();
            if (!summary.succeeded()) throw new IllegalStateException("extract failed: " + summary);
            return summary.rows();
        }
    }
}
