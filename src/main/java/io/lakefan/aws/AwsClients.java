package io.lakefan.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The AWS SDK clients of one Lambda container (or CLI process), each built on first use and then reused.
 *
 * <p>Region and credentials come from the SDK's default chains ({@code AWS_REGION}, the Lambda role, ...).
 * Endpoints are not configured here on purpose: the SDK itself honours {@code AWS_ENDPOINT_URL} and the
 * per-service {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_LAMBDA}, {@code AWS_ENDPOINT_URL_SECRETS_MANAGER},
 * ... (and the {@code aws.endpointUrl*} system properties), which is how LocalStack or moto are reached.
 * {@code LAKEFAN_S3_PATH_STYLE=true} switches S3 to path-style addressing, which those emulators need.
 * Nothing is resolved at class initialisation, so a cold start pays only for the clients it uses.
 */
public final class AwsClients {

    /** Environment variable: {@code true} for path-style S3 requests ({@code http://host/bucket/key}). */
    public static final String PATH_STYLE_ENV = "LAKEFAN_S3_PATH_STYLE";

    private static final Object SHARED_LOCK = new Object();
    private static volatile AwsClients shared;

    private final boolean pathStyle;
    private final Lazy<SdkHttpClient> http = new Lazy<>(AwsClients::httpClient);
    private final Lazy<S3Client> s3;
    private final Lazy<LambdaClient> lambda;
    private final Lazy<SecretsManagerClient> secretsManager;
    private final Lazy<GlueClient> glue;
    private final Lazy<AthenaClient> athena;

    private AwsClients(boolean pathStyle, Map<String, String> env) {
        this.pathStyle = pathStyle;
        // path-style means an emulator (LocalStack, moto, s3proxy, MinIO); some answer a conditional write's 412
        // before "100 Continue" and close the connection, and the url-connection client then loses the error code
        this.s3 = new Lazy<>(() -> configure(S3Client.builder(), env, "S3").httpClient(http.get())
                .forcePathStyle(pathStyle)
                .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(!pathStyle).build()).build());
        this.lambda = new Lazy<>(() -> configure(LambdaClient.builder(), env, "LAMBDA").httpClient(http.get()).build());
        this.secretsManager = new Lazy<>(() -> configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER")
                .httpClient(http.get()).build());
        this.glue = new Lazy<>(() -> configure(GlueClient.builder(), env, "GLUE").httpClient(http.get()).build());
        this.athena = new Lazy<>(() -> configure(AthenaClient.builder(), env, "ATHENA").httpClient(http.get()).build());
    }

    private AwsClients(S3Client s3, LambdaClient lambda, SecretsManagerClient secretsManager) {
        this.pathStyle = false; // unknown: the given client was configured by its builder
        this.s3 = given(s3, "S3");
        this.lambda = given(lambda, "Lambda");
        this.secretsManager = given(secretsManager, "Secrets Manager");
        this.glue = new Lazy<>(() -> GlueClient.builder().httpClient(http.get()).build());
        this.athena = new Lazy<>(() -> AthenaClient.builder().httpClient(http.get()).build());
    }

    /** The container-wide instance: the SDK's own resolution of region, credentials and endpoints. */
    public static AwsClients shared() {
        AwsClients c = shared;
        if (c == null) {
            synchronized (SHARED_LOCK) {
                c = shared;
                if (c == null) shared = c = new AwsClients(pathStyle(System.getenv()), Map.of());
            }
        }
        return c;
    }

    /**
     * A new set of clients configured from {@code env}, a stand-in for the process environment ({@code lakefan
     * invoke}, tests): {@value #PATH_STYLE_ENV}, and when present in {@code env} the SDK's standard names
     * {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN},
     * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} ({@code S3}, {@code LAMBDA},
     * {@code SECRETS_MANAGER}, {@code GLUE}, {@code ATHENA}). Whatever {@code env} lacks is left to the SDK's
     * default chains, so for the real environment this equals what the SDK does by itself.
     */
    public static AwsClients fromEnvironment(Map<String, String> env) {
        return new AwsClients(pathStyle(env), Map.copyOf(env));
    }

    /** Explicit clients (tests, embedding); Glue and Athena are built from the SDK defaults on first use. */
    public static AwsClients of(S3Client s3, LambdaClient lambda, SecretsManagerClient secretsManager) {
        return new AwsClients(s3, lambda, secretsManager);
    }

    private static boolean pathStyle(Map<String, String> env) {
        return Boolean.parseBoolean(env.getOrDefault(PATH_STYLE_ENV, "false").trim());
    }

    private static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, Map<String, String> env,
                                                                      String service) {
        String endpoint = blankToNull(env.get("AWS_ENDPOINT_URL_" + service));
        if (endpoint == null) endpoint = blankToNull(env.get("AWS_ENDPOINT_URL"));
        if (endpoint != null) builder.endpointOverride(URI.create(endpoint));
        String region = blankToNull(env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION")));
        if (region != null) builder.region(Region.of(region));
        String key = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        String token = blankToNull(env.get("AWS_SESSION_TOKEN"));
        if (key != null && secret != null) {
            builder.credentialsProvider(StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token)));
        }
        return builder;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static <T> Lazy<T> given(T client, String what) {
        if (client == null) throw new IllegalArgumentException("no " + what + " client given");
        return new Lazy<>(() -> client);
    }

    public S3Client s3() {
        return s3.get();
    }

    public LambdaClient lambda() {
        return lambda.get();
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager.get();
    }

    public GlueClient glue() {
        return glue.get();
    }

    public AthenaClient athena() {
        return athena.get();
    }

    /** Whether S3 requests use path-style addressing. */
    public boolean pathStyle() {
        return pathStyle;
    }

    private static SdkHttpClient httpClient() {
        // HttpURLConnection keeps only 5 idle connections per host unless told otherwise; the fan-out runs
        // 32 invokes at once, so allow more before the first connection is made (read once by the JDK).
        if (System.getProperty("http.maxConnections") == null) System.setProperty("http.maxConnections", "64");
        return UrlConnectionHttpClient.create();
    }

    /** A value built once, on first use. */
    static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) value = v = factory.get();
                }
            }
            return v;
        }
    }
}
