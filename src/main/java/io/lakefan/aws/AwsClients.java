package io.lakefan.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

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

    private AwsClients(boolean pathStyle) {
        this.pathStyle = pathStyle;
        this.s3 = new Lazy<>(() -> S3Client.builder().httpClient(http.get()).forcePathStyle(pathStyle).build());
        this.lambda = new Lazy<>(() -> LambdaClient.builder().httpClient(http.get()).build());
        this.secretsManager = new Lazy<>(() -> SecretsManagerClient.builder().httpClient(http.get()).build());
        this.glue = new Lazy<>(() -> GlueClient.builder().httpClient(http.get()).build());
        this.athena = new Lazy<>(() -> AthenaClient.builder().httpClient(http.get()).build());
    }

    /** The container-wide instance, configured from {@link System#getenv()}. */
    public static AwsClients shared() {
        AwsClients c = shared;
        if (c == null) {
            synchronized (SHARED_LOCK) {
                c = shared;
                if (c == null) shared = c = fromEnvironment(System.getenv());
            }
        }
        return c;
    }

    /** A new set of clients configured from {@code env} (only {@value #PATH_STYLE_ENV} is read here). */
    public static AwsClients fromEnvironment(Map<String, String> env) {
        return new AwsClients(Boolean.parseBoolean(env.getOrDefault(PATH_STYLE_ENV, "false").trim()));
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
