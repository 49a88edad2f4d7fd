package io.lakefan.lambda;

import io.lakefan.Lakefan;
import io.lakefan.aws.AwsClients;
import io.lakefan.aws.LakeUri;
import io.lakefan.aws.LambdaInvoker;
import io.lakefan.aws.S3ObjectStore;
import io.lakefan.aws.S3Options;
import io.lakefan.aws.SecretsManagerCredentials;
import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.dispatch.Invoker;
import io.lakefan.extract.ExtractListener;
import io.lakefan.lake.ObjectStore;
import io.lakefan.source.CredentialSource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The function's wiring, read once per container from its environment variables (DESIGN.md, "Environment of
 * the function"): the S3 lake, Secrets Manager credentials, the Lambda fan-out. Heavy parts (SDK clients, the
 * credential cache) are built once and shared by every invocation of the container.
 */
public final class LambdaEnvironment {
    public static final String LAKE = "LAKEFAN_LAKE";
    public static final String CONFIG = "LAKEFAN_CONFIG";
    public static final String RETRIES = "LAKEFAN_ASYNC_RETRIES";
    public static final String CATALOG = "LAKEFAN_CATALOG";
    /** Seconds before the function's timeout at which a read commits its files and continues in a new invocation. */
    public static final String TIME_MARGIN = "LAKEFAN_TIME_MARGIN_SECONDS";
    /** How many units of one run may read the source at once (0: no cap beyond reserved concurrency). */
    public static final String MAX_CONCURRENT_READS = "LAKEFAN_MAX_CONCURRENT_EXTRACTS";

    private final Map<String, String> env;
    private final AwsClients clients;
    private final ObjectStore lake;
    private final CredentialSource credentials;
    private final Invoker invoker;
    private final int maxAttempts;
    private final FinalizeWiring finalize;

    private LambdaEnvironment(Map<String, String> env, AwsClients clients, Invoker invoker) {
        this.env = env;
        this.clients = clients;
        LakeUri root = LakeUri.parse(required(env, LAKE, "the lake root, e.g. s3://my-lake/raw"));
        this.lake = S3ObjectStore.create(clients.s3(), root, S3Options.fromEnvironment(env));
        this.credentials = SecretsManagerCredentials.fromEnvironment(clients.secretsManager(), env);
        this.invoker = invoker != null ? invoker : LambdaInvoker.fromEnvironment(clients.lambda(), env);
        this.maxAttempts = maxAttempts(env);
        this.finalize = FinalizeWiring.fromEnvironment(env, clients, lake, root);
    }

    /** Reads the environment; {@code invoker} replaces the Lambda fan-out when not null (local fan-out). */
    public static LambdaEnvironment of(Map<String, String> env, AwsClients clients, Invoker invoker) {
        return new LambdaEnvironment(env, clients, invoker);
    }

    /** A lakefan for one invocation; {@code requestId} names who claims finalize. */
    public Lakefan lakefan(String requestId) {
        return Lakefan.create(new Lakefan.Ports(lake, invoker, credentials, this::config, finalize.catalog(),
                        finalize.counter(), finalize.views(), ExtractListener.NONE, Clock.systemUTC()),
                new Lakefan.Settings(maxAttempts, Duration.ofMinutes(20), 500, requestId,
                        Duration.ofSeconds(Long.parseLong(env.getOrDefault(TIME_MARGIN, "60"))), false,
                        Integer.parseInt(env.getOrDefault(MAX_CONCURRENT_READS, "8"))));
    }

    /** The table list: packaged in the jar, or from S3 so operators can change it without a deploy. */
    LakefanConfig config() {
        String where = env.getOrDefault(CONFIG, "classpath:table_name_list.json");
        if (where.startsWith("classpath:")) return ConfigLoader.fromClasspath(where.substring("classpath:".length()));
        if (where.startsWith("s3://")) {
            LakeUri uri = LakeUri.parse(where);
            try {
                byte[] json = clients.s3().getObjectAsBytes(GetObjectRequest.builder().bucket(uri.bucket())
                        .key(uri.prefix()).build()).asByteArray();
                return ConfigLoader.parse(where, json);
            } catch (SdkException e) {
                throw new IllegalStateException("cannot read the config at " + where + " (" + CONFIG
                        + "): check that the object exists and the function may read it: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException(CONFIG + " must be classpath:NAME or s3://bucket/key, got " + where);
    }

    /** Attempts per invocation: 1 + {@value #RETRIES} (Lambda's async retries, default 2). */
    public static int maxAttempts(Map<String, String> env) {
        return 1 + parseRetries(env.getOrDefault(RETRIES, "2"));
    }

    public ObjectStore lake() {
        return lake;
    }

    private static int parseRetries(String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0 || n > 2) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RETRIES + " must be 0, 1 or 2 (Lambda's async retry setting), got " + v);
        }
    }

    static String required(Map<String, String> env, String name, String what) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: it must name " + what
                    + " (the SAM template sets it; for `lakefan invoke`, export it)");
        }
        return v;
    }
}
