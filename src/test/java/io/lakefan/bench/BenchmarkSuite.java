package io.lakefan.bench;

import io.lakefan.testing.TestDatabase;

import java.util.Arrays;
import java.util.List;

/**
 * {@code mvn -B clean verify -Pbench -Dbench.main=io.lakefan.bench.BenchmarkSuite}: every figure of the
 * benchmark suite in one run, on an embedded MariaDB, a local lake, s3proxy and an in-process fake Lambda:
 * <ol>
 *   <li>plain JDBC streaming read vs lakefan's extract to a local lake (rows/s, ratio, heap);</li>
 *   <li>peak heap at growing table sizes (default 1M, 5M, 20M rows: it must stay flat);</li>
 *   <li>split extraction with 1, 2, 4, 8 chunks;</li>
 *   <li>extract into S3 (s3proxy) vs the plain read;</li>
 *   <li>time to dispatch 1,000 tables through the Lambda API;</li>
 *   <li>cold start: a fresh JVM running {@code lakefan invoke} to the first handled event.</li>
 * </ol>
 * Options: {@code --rows N} (phases 1, 3, 4), {@code --sizes a,b,c}, {@code --chunks a,b,c},
 * {@code --phases 2,5} (only those; phase 3 needs the table of phase 1, which then runs too).
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 2_000_000;
        List<Long> sizes = List.of(1_000_000L, 5_000_000L, 20_000_000L);
        List<Integer> chunks = List.of(1, 2, 4, 8);
        List<Integer> phases = List.of(1, 2, 3, 4, 5, 6);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(v -> Long.parseLong(v.replace("_", "")))
                        .toList();
                case "--chunks" -> chunks = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--phases" -> phases = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Benchmark.header("lakefan benchmark suite", rows);
        TestDatabase db = TestDatabase.get();
        if (phases.contains(1) || phases.contains(3)) {
            System.out.println("\n== 1. plain JDBC read vs lakefan extract (local lake)");
            Benchmark.compare(db, rows);
        }
        if (phases.contains(2)) {
            System.out.println("\n== 2. heap by table size");
            ScalingBench.heapBySize(db, db.createDatabaseNamed("bench_heap"), sizes);
        }
        if (phases.contains(3)) {
            System.out.println("\n== 3. split extraction");
            ScalingBench.splits(db, "bench", "bench_rows", rows, chunks);
        }
        if (phases.contains(4)) {
            System.out.println("\n== 4. extract into S3 (s3proxy) vs plain read");
            LambdaBenchmark.extractIntoS3(db, rows);
        }
        if (phases.contains(5)) {
            System.out.println("\n== 5. dispatch of 1,000 tables");
            LambdaBenchmark.fanOut();
        }
        if (phases.contains(6)) {
            System.out.println("\n== 6. cold start");
            LambdaBenchmark.coldStart(db);
        }
        System.exit(0);
    }
}
