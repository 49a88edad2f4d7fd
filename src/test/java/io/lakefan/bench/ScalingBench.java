package io.lakefan.bench;

import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.local.FileObjectStore;
import io.lakefan.source.DbCredentials;
import io.lakefan.testing.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Issue-5 measurements: heap at growing table sizes (it must stay flat) and split extraction by chunk count. */
final class ScalingBench {
    private ScalingBench() {
    }

    /** Extracts tables of each size into a local lake and prints rows/s and the peak heap of each. */
    static void heapBySize(TestDatabase db, String database, List<Long> sizes) throws Exception {
        System.out.printf("%nheap by table size (max heap %d MB):%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%12s %14s %16s %20s%n", "rows", "rows/s", "peak used MB", "peak live MB (full GC)");
        for (long rows : sizes) {
            String table = "bench_" + rows;
            BenchTable.create(db, database, table, rows);
            Path lake = Files.createTempDirectory("lakefan-heap");
            long start = System.nanoTime();
            long n;
            HeapProbe probe = HeapProbe.startWithLiveSampling();
            try (probe) {
                n = Benchmark.runLocal(FileObjectStore.at(lake), db.credentials(database), config(table, ""),
                        Function.identity());
            }
            double secs = (System.nanoTime() - start) / 1e9;
            if (n != rows) throw new IllegalStateException("extracted " + n + " of " + rows);
            System.out.printf("%,12d %,14.0f %16d %20d%n", rows, rows / secs, probe.peakUsedMb(), probe.peakFullLiveMb());
            db.exec(database, "DROP TABLE `" + table + "`");
            delete(lake);
        }
    }

    /** Extracts one table split into 1, 2, 4, 8 chunks (run on a pool of as many threads). */
    static void splits(TestDatabase db, String database, String table, long rows, List<Integer> chunkCounts)
            throws Exception {
        DbCredentials creds = db.credentials(database);
        System.out.printf("%nsplit extraction of %,d rows (%d cores):%n", rows, Runtime.getRuntime().availableProcessors());
        System.out.printf("%8s %14s %10s%n", "chunks", "rows/s", "seconds");
        for (int chunks : chunkCounts) {
            Path lake = Files.createTempDirectory("lakefan-split");
            String extra = chunks > 1 ? ",\"splitColumn\":\"id\",\"chunks\":" + chunks : "";
            long start = System.nanoTime();
            long n = Benchmark.runLocal(FileObjectStore.at(lake), creds, config(table, extra), Function.identity(),
                    Math.max(1, chunks));
            double secs = (System.nanoTime() - start) / 1e9;
            if (n != rows) throw new IllegalStateException("extracted " + n + " of " + rows);
            System.out.printf("%8d %,14.0f %10.2f%n", chunks, rows / secs, secs);
            delete(lake);
        }
    }

    private static LakefanConfig config(String table, String extra) {
        return ConfigLoader.parse("bench", ("{\"tables\":[{\"name\":\"" + table + "\"" + extra + "}]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
