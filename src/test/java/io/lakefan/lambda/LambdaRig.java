package io.lakefan.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.lakefan.aws.AwsClients;
import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.run.RunSummary;
import io.lakefan.run.TableStatus;
import io.lakefan.run.WatermarkState;
import io.lakefan.testing.FakeLambda;
import io.lakefan.testing.FakeSecretsManager;
import io.lakefan.testing.S3Server;
import io.lakefan.testing.TestDatabase;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One deployed function, in a test: the real {@link Handler} behind {@link FakeLambda} (each async invocation
 * on its own thread, failed ones re-delivered like Lambda's async retries), the lake on an S3 endpoint, the
 * database login in a Secrets Manager endpoint, the table list in S3 ({@code LAKEFAN_CONFIG=s3://...}). All
 * AWS calls go through the real SDK clients. Every log line the handler writes is kept in {@link #logs()}.
 */
final class LambdaRig implements AutoCloseable {
    static final String BUCKET = "lake";
    static final String PREFIX = "raw";
    static final String SECRET_ID = "lakefan/source";
    static final String FUNCTION = "lakefan";
    static final String CONFIG_KEY = "config/table_name_list.json";

    private final S3Client s3;
    private final SecretsManagerClient secretsClient;
    private final BiConsumer<String, String> secretWriter;
    private final FakeLambda lambda;
    private final LambdaClient lambdaClient;
    private final AutoCloseable backends;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
    private final LambdaLogger logger;
    private volatile LambdaEnvironment environment;
    private final Handler handler;

    private LambdaRig(S3Client s3, SecretsManagerClient secretsClient, BiConsumer<String, String> secretWriter,
                      int retries, AutoCloseable backends) {
        this.s3 = s3;
        this.secretsClient = secretsClient;
        this.secretWriter = secretWriter;
        this.backends = backends;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logs.add(message);
            }

            @Override
            public void log(byte[] message) {
                logs.add(new String(message, StandardCharsets.UTF_8));
            }
        };
        env.put("LAKEFAN_LAKE", "s3://" + BUCKET + "/" + PREFIX);
        env.put("LAKEFAN_SECRET_ID", SECRET_ID);
        env.put("LAKEFAN_CONFIG", "s3://" + BUCKET + "/" + CONFIG_KEY);
        env.put("LAKEFAN_FUNCTION", FUNCTION);
        env.put("LAKEFAN_ASYNC_RETRIES", String.valueOf(retries));
        env.put("LAKEFAN_DB_TLS", "disabled");
        // built once, on the first invocation, like a container's static wiring
        this.handler = new Handler(this::environment);
        this.lambda = FakeLambda.startWithHandler(this::handle).asyncRetries(retries);
        this.lambdaClient = lambda.client(true);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    /** The rig on s3proxy and the fake Secrets Manager, with Lambda's default of 2 async retries. */
    static LambdaRig onS3Proxy() {
        return onS3Proxy(2);
    }

    static LambdaRig onS3Proxy(int retries) {
        S3Server s3Server = S3Server.start();
        FakeSecretsManager secrets = FakeSecretsManager.start();
        S3Client s3 = s3Server.s3Client();
        SecretsManagerClient sm = secrets.client(false);
        return new LambdaRig(s3, sm, secrets::put, retries, () -> {
            s3.close();
            sm.close();
            secrets.close();
            s3Server.close();
        });
    }

    /** The rig on other S3 and Secrets Manager endpoints (LocalStack): the secret is created through the API. */
    static LambdaRig on(S3Client s3, SecretsManagerClient sm, AutoCloseable backends) {
        return new LambdaRig(s3, sm, (id, json) -> sm.createSecret(b -> b.name(id).secretString(json)), 2, backends);
    }

    private LambdaEnvironment environment() {
        LambdaEnvironment e = environment;
        if (e == null) {
            synchronized (this) {
                if (environment == null) {
                    environment = LambdaEnvironment.of(env, AwsClients.of(s3, lambdaClient, secretsClient), null);
                }
                e = environment;
            }
        }
        return e;
    }

    /** What the Lambda service does with one delivery: run the handler with a fresh context. */
    private byte[] handle(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out, new LocalContext(FUNCTION, 900_000, logger));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- setting up

    /** Stores the RDS-format secret of {@code database} with this password. */
    LambdaRig secret(String database, String password) {
        TestDatabase db = TestDatabase.get();
        secretWriter.accept(SECRET_ID, "{\"engine\":\"mariadb\",\"host\":\"127.0.0.1\",\"port\":" + db.port()
                + ",\"username\":\"" + TestDatabase.USER + "\",\"password\":\"" + password + "\",\"dbname\":\""
                + database + "\"}");
        return this;
    }

    LambdaRig secret(String database) {
        return secret(database, TestDatabase.PASSWORD);
    }

    /** Uploads the table list to where {@code LAKEFAN_CONFIG} points. */
    LambdaRig config(String json) {
        s3.putObject(b -> b.bucket(BUCKET).key(CONFIG_KEY), RequestBody.fromString(json));
        return this;
    }

    LambdaRig beforeRetry(BiConsumer<FakeLambda.Invocation, Integer> hook) {
        lambda.beforeRetry(hook);
        return this;
    }

    // ---- invoking

    /** An asynchronous invocation, as EventBridge sends it. */
    void send(byte[] event) {
        int status = lambdaClient.invoke(b -> b.functionName(FUNCTION).invocationType("Event")
                .payload(SdkBytes.fromByteArray(event))).statusCode();
        if (status != 202) throw new IllegalStateException("invoke answered " + status);
    }

    void send(String event) {
        send(event.getBytes(StandardCharsets.UTF_8));
    }

    /** A synchronous call of the handler in this thread (a console test); errors are thrown. */
    String call(String event) {
        return new String(handle(event.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** Waits until every invocation (children, retries, finalize) has ended. */
    void awaitIdle() throws InterruptedException {
        assertTrue(lambda.awaitIdle(Duration.ofMinutes(3)), "the function did not become idle");
    }

    FakeLambda lambda() {
        return lambda;
    }

    List<String> logs() {
        return new ArrayList<>(logs);
    }

    Map<String, String> env() {
        return env;
    }

    // ---- reading the lake

    List<String> keys(String under) {
        List<String> out = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(PREFIX + "/" + under)).contents()
                .forEach(o -> out.add(o.key().substring(PREFIX.length() + 1)));
        return out;
    }

    /** Data files (Parquet) of a table. */
    List<String> dataFiles(String database, String table) {
        return keys(database + "/" + table + "/").stream().filter(k -> k.endsWith(".parquet")).sorted().toList();
    }

    /** Writes an object under the lake prefix (to set up a lease or a state). */
    void put(String key, byte[] content) {
        s3.putObject(b -> b.bucket(BUCKET).key(PREFIX + "/" + key), RequestBody.fromBytes(content));
    }

    String text(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(PREFIX + "/" + key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    RunSummary summary(String runId) {
        String json = text(LakeLayout.summary(runId));
        return json == null ? null : Json.read(json.getBytes(StandardCharsets.UTF_8), RunSummary.class, "summary");
    }

    TableStatus status(String runId, String table) {
        String key = LakeLayout.tableStatus(runId, table);
        String json = text(key);
        return json == null ? null : Json.read(json.getBytes(StandardCharsets.UTF_8), TableStatus.class, key);
    }

    WatermarkState state(String database, String table) {
        String key = LakeLayout.state(database, table);
        String json = text(key);
        return json == null ? null : Json.read(json.getBytes(StandardCharsets.UTF_8), WatermarkState.class, key);
    }

    /**
     * A local copy of the lake (every object under the prefix), which DuckDB reads like Athena would read the
     * bucket. Works for any S3 endpoint.
     */
    Path download() throws IOException {
        Path root = Files.createTempDirectory("lakefan-lake-copy");
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(PREFIX + "/")).contents()) {
            Path target = root.resolve(o.key().substring(PREFIX.length() + 1));
            Files.createDirectories(target.getParent());
            s3.getObject(b -> b.bucket(BUCKET).key(o.key()), ResponseTransformer.toFile(target));
        }
        return root;
    }

    /** The DuckDB source of every data file of a table in a downloaded lake. */
    static String files(Path lake, String database, String table) {
        return "read_parquet('" + lake.resolve(database).resolve(table) + "/*/*.parquet', hive_partitioning=true)";
    }

    @Override
    public void close() throws Exception {
        lambda.close();
        lambdaClient.close();
        backends.close();
    }
}
