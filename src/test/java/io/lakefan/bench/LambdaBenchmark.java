package io.lakefan.bench;

import io.lakefan.aws.LakeUri;
import io.lakefan.aws.S3ObjectStore;
import io.lakefan.config.ConfigLoader;
import io.lakefan.lambda.FanOutScaleTest;
import io.lakefan.lake.ObjectStore;
import io.lakefan.source.DbCredentials;
import io.lakefan.testing.FakeLambda;
import io.lakefan.testing.FakeSecretsManager;
import io.lakefan.testing.S3Server;
import io.lakefan.testing.TestDatabase;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mvn -B -Pbench clean verify -Dbench.main=io.lakefan.bench.LambdaBenchmark [-Dbench.rows=N]}: the Lambda
 * side's numbers, against s3proxy, the fake Secrets Manager and the fake Lambda in this process and an embedded
 * MariaDB.
 * <ol>
 *   <li>cold start: a fresh JVM ({@code target/lakefan.jar} when built, else the test classpath) running
 *   {@code lakefan invoke} on an ad-hoc extract event: process wall time and the handler's own time (its log);</li>
 *   <li>dispatch of 1,000 tables through the Lambda API;</li>
 *   <li>extract rows/s into S3 (s3proxy) against a plain JDBC streaming read of the same table.</li>
 * </ol>
 */
public final class LambdaBenchmark {
    private static final Pattern MILLIS = Pattern.compile("\"step\":\"end\".*\"millis\":(\\d+)");

    private LambdaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rows")) rows = Long.parseLong(args[++i].replace("_", ""));
        }
        System.out.printf("lakefan Lambda benchmark: %d cores, %s %s, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean().getSystemLoadAverage());
        TestDatabase db = TestDatabase.get();
        coldStart(db);
        fanOut();
        extractIntoS3(db, rows);
        System.exit(0);
    }

    static void coldStart(TestDatabase db) throws Exception {
        String database = db.createDatabaseNamed("bench_cold");
        db.exec(database, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), balance DECIMAL(12,2))",
                "INSERT INTO customers SELECT seq, CONCAT('customer ', seq), seq * 1.25 FROM seq_1_to_1000");
        Path jar = Path.of("target/lakefan.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String launched;
        if (Files.exists(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
            launched = "java -jar target/lakefan.jar";
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lakefan.cli.Main"));
            launched = "java -cp <test classpath> (build target/lakefan.jar for the real thing)";
        }
        Path event = Files.createTempFile("adhoc", ".json");
        Files.writeString(event, "{\"action\":\"extract\",\"table\":\"customers\"}");
        command.addAll(List.of("invoke", "--event", event.toString()));
        System.out.println("\ncold start: " + launched + " invoke --event {\"action\":\"extract\",\"table\":\"customers\"}"
                + " (1,000 rows; Secrets Manager, JDBC, Parquet to S3, a finalize invoke)");
        try (S3Server s3Server = S3Server.start(); FakeSecretsManager secrets = FakeSecretsManager.start();
             FakeLambda lambda = FakeLambda.start(); S3Client s3 = s3Server.s3Client()) {
            s3Server.createBucket("lake");
            s3.putObject(b -> b.bucket("lake").key("config.json"),
                    RequestBody.fromString("{\"tables\":[{\"name\":\"customers\"}]}"));
            secrets.put("db", "{\"engine\":\"mysql\",\"host\":\"127.0.0.1\",\"port\":" + db.port() + ",\"username\":\""
                    + TestDatabase.USER + "\",\"password\":\"" + TestDatabase.PASSWORD + "\",\"dbname\":\"" + database + "\"}");
            for (int run = 1; run <= 6; run++) {
                // runs 4-6: C1 only, what JAVA_TOOL_OPTIONS="-XX:+TieredCompilation -XX:TieredStopAtLevel=1" gives
                List<String> cmd = new ArrayList<>(command);
                if (run > 3) cmd.add(1, "-XX:TieredStopAtLevel=1");
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
                Map<String, String> env = pb.environment();
                env.remove("AWS_PROFILE");
                env.putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY,
                        "AWS_ENDPOINT_URL_S3", s3Server.endpoint().toString(),
                        "AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString(),
                        "AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString(),
                        "LAKEFAN_S3_PATH_STYLE", "true", "LAKEFAN_LAKE", "s3://lake/raw", "LAKEFAN_SECRET_ID", "db",
                        "LAKEFAN_CONFIG", "s3://lake/config.json"));
                env.put("LAKEFAN_FUNCTION", "lakefan");
                env.put("LAKEFAN_DB_TLS", "disabled");
                long t0 = System.nanoTime();
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int code = p.waitFor();
                double wall = (System.nanoTime() - t0) / 1e9;
                Matcher m = MILLIS.matcher(out);
                if (code != 0 || !m.find()) throw new IllegalStateException("invoke failed (" + code + "):\n" + out);
                System.out.printf("  run %d%s: process wall %.2f s, handler %.2f s (JVM start to handler + exit: %.2f s)%n",
                        run, run > 3 ? " (-XX:TieredStopAtLevel=1)" : "", wall, Long.parseLong(m.group(1)) / 1000.0, wall - Long.parseLong(m.group(1)) / 1000.0);
            }
        }
    }

    static void fanOut() {
        System.out.println();
        for (int pass = 1; pass <= 2; pass++) {
            FanOutScaleTest.Measured m = FanOutScaleTest.dispatch(1000, 0);
            System.out.printf("dispatch of 1,000 tables through the Lambda API, pass %d: %.2f s (async invokes alone %.2f s)%n",
                    pass, m.seconds(), m.invokeNanos() / 1e9);
        }
    }

    static void extractIntoS3(TestDatabase db, long rows) throws Exception {
        String database = db.createDatabaseNamed("bench_s3");
        long t0 = System.nanoTime();
        BenchTable.create(db, database, "bench_rows", rows);
        System.out.printf("%ncreated table bench_rows (%,d rows) in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
        DbCredentials creds = db.credentials(database);
        try (S3Server s3Server = S3Server.start(); S3Client s3 = s3Server.s3Client()) {
            s3Server.createBucket("bench");
            Benchmark.Phase bestRead = null;
            Benchmark.Phase best = null;
            for (int pass = 1; pass <= 2; pass++) {
                ObjectStore lake = S3ObjectStore.create(s3, LakeUri.parse("s3://bench/raw" + pass));
                Benchmark.Phase read = Benchmark.measure("plain JDBC read", rows, () -> Benchmark.plainRead(creds));
                Benchmark.Phase extract = Benchmark.measure("extract into S3", rows, () -> Benchmark.runLocal(lake, creds,
                        ConfigLoader.parse("bench", "{\"tables\":[{\"name\":\"bench_rows\"}]}".getBytes(StandardCharsets.UTF_8)),
                        Function.identity()));
                bestRead = bestRead == null || read.rowsPerSecond() > bestRead.rowsPerSecond() ? read : bestRead;
                best = best == null || extract.rowsPerSecond() > best.rowsPerSecond() ? extract : best;
            }
            System.out.printf("best: plain read %,.0f rows/s, extract into s3proxy %,.0f rows/s (ratio %.2f), peak heap used %d MB%n",
                    bestRead.rowsPerSecond(), best.rowsPerSecond(), best.rowsPerSecond() / bestRead.rowsPerSecond(),
                    best.peakUsedMb());
            try (var files = Files.walk(s3Server.dir().resolve("bench").resolve("raw1"))) {
                System.out.printf("parquet per run: %.1f MB%n", files.filter(f -> f.toString().endsWith(".parquet"))
                        .mapToLong(f -> f.toFile().length()).sum() / 1048576.0);
            }
        }
    }

}
