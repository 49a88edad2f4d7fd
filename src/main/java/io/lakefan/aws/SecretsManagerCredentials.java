package io.lakefan.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakefan.source.CredentialSource;
import io.lakefan.source.DbCredentials;
import io.lakefan.source.SourceException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The source database's login from a Secrets Manager secret in the RDS format
 * ({@code {"engine","host","port","username","password","dbname"}}), cached for a short time so that a
 * rotated password is picked up. Optional secret keys: {@code sslMode} (or {@code tls}), which wins over
 * {@code LAKEFAN_DB_TLS}; the default is {@code preferred}. No message or log ever contains the secret's value.
 */
public final class SecretsManagerCredentials implements CredentialSource {

    /** Environment variable: the secret's name or ARN. */
    public static final String SECRET_ID_ENV = "LAKEFAN_SECRET_ID";
    /** Environment variable: disabled, preferred, required, verify-ca or verify-identity. */
    public static final String TLS_ENV = "LAKEFAN_DB_TLS";
    /** Environment variable: how long a fetched secret is reused, in seconds (default 300). */
    public static final String TTL_ENV = "LAKEFAN_SECRET_TTL_SECONDS";
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MYSQL_ENGINES = Set.of("mysql", "mariadb", "aurora-mysql", "aurora");
    private static final Map<String, String> TLS_MODES = Map.of("disabled", "DISABLED", "preferred", "PREFERRED",
            "required", "REQUIRED", "verify-ca", "VERIFY_CA", "verify-identity", "VERIFY_IDENTITY");

    private final SecretsManagerClient client;
    private final String secretId;
    private final long ttlNanos;
    private final String defaultTls;
    private final LongSupplier clock;
    private DbCredentials cached;
    private long fetchedAt;

    SecretsManagerCredentials(SecretsManagerClient client, String secretId, Duration ttl, String defaultTls,
                              LongSupplier nanoClock) {
        if (secretId == null || secretId.isBlank()) {
            throw new SourceException("no database secret given: set " + SECRET_ID_ENV + " to the secret's name or ARN");
        }
        this.client = client;
        this.secretId = secretId;
        this.ttlNanos = ttl.toNanos();
        this.defaultTls = tlsMode(defaultTls == null ? "preferred" : defaultTls, TLS_ENV);
        this.clock = nanoClock;
    }

    /** Reads {@code secretId} with the default TTL and TLS mode {@code preferred}. */
    public static SecretsManagerCredentials create(SecretsManagerClient client, String secretId) {
        return new SecretsManagerCredentials(client, secretId, DEFAULT_TTL, null, System::nanoTime);
    }

    /** Configured from {@value #SECRET_ID_ENV}, {@value #TLS_ENV} and {@value #TTL_ENV}. */
    public static SecretsManagerCredentials fromEnvironment(SecretsManagerClient client, Map<String, String> env) {
        Duration ttl = DEFAULT_TTL;
        String t = env.get(TTL_ENV);
        if (t != null && !t.isBlank()) {
            try {
                ttl = Duration.ofSeconds(Long.parseLong(t.trim()));
            } catch (NumberFormatException e) {
                throw new SourceException(TTL_ENV + " must be a number of seconds, got: " + t);
            }
        }
        return new SecretsManagerCredentials(client, env.get(SECRET_ID_ENV), ttl, env.get(TLS_ENV), System::nanoTime);
    }

    /** The cached login, or a fresh one once the TTL has passed. */
    @Override
    public synchronized DbCredentials credentials() {
        long now = clock.getAsLong();
        if (cached == null || now - fetchedAt >= ttlNanos) {
            cached = parse(fetch());
            fetchedAt = now;
        }
        return cached;
    }

    /** Forgets the cached login, for a caller whose login was just refused (the password may have rotated). */
    public synchronized void invalidate() {
        cached = null;
    }

    private String fetch() {
        GetSecretValueResponse r;
        try {
            r = client.getSecretValue(b -> b.secretId(secretId));
        } catch (SdkException e) {
            throw error(e);
        }
        if (r.secretString() == null) {
            throw new SourceException("secret " + secretId + " has no SecretString (it is binary): store the login"
                    + " as JSON in the RDS secret format {\"engine\",\"host\",\"port\",\"username\",\"password\",\"dbname\"}");
        }
        return r.secretString();
    }

    private SourceException error(SdkException e) {
        String code = e instanceof AwsServiceException a && a.awsErrorDetails() != null
                ? String.valueOf(a.awsErrorDetails().errorCode()) : "";
        switch (code) {
            case "ResourceNotFoundException":
                return new SourceException("secret " + secretId + " not found in region " + region()
                        + ": create it (see README) or set " + SECRET_ID_ENV, e);
            case "AccessDeniedException":
                return new SourceException("access denied reading secret " + secretId + " in region " + region()
                        + ": the function's role needs secretsmanager:GetSecretValue on it (and kms:Decrypt if the"
                        + " secret uses a customer managed key)", e);
            case "DecryptionFailure":
                return new SourceException("secret " + secretId + " could not be decrypted: the function's role needs"
                        + " kms:Decrypt on the secret's KMS key", e);
            default:
                return new SourceException("reading secret " + secretId + " in region " + region() + " failed: "
                        + (code.isEmpty() ? e.getMessage() : code) + ". Check the network, the region and the"
                        + " endpoint (AWS_ENDPOINT_URL_SECRETS_MANAGER)", e);
        }
    }

    private String region() {
        try {
            return String.valueOf(client.serviceClientConfiguration().region());
        } catch (RuntimeException e) {
            return "(unknown)";
        }
    }

    /** Never includes the secret's content in a message: only its id and the names of fields. */
    DbCredentials parse(String secret) {
        JsonNode n;
        try {
            n = JSON.readTree(secret);
        } catch (IOException e) {
            n = null; // the parser's message would quote the secret
        }
        if (n == null || !n.isObject()) {
            throw new SourceException("secret " + secretId + " is not a JSON object: expected the RDS secret format"
                    + " {\"engine\",\"host\",\"port\",\"username\",\"password\",\"dbname\"}");
        }
        String engine = optional(n, "engine", "mysql").toLowerCase(Locale.ROOT);
        if (!MYSQL_ENGINES.contains(engine)) {
            throw new SourceException("secret " + secretId + " is for engine \"" + engine + "\"; lakefan reads"
                    + " mysql, mariadb and aurora-mysql");
        }
        String host = required(n, "host");
        String port = optional(n, "port", "3306");
        if (!port.matches("\\d{1,5}")) {
            throw new SourceException("secret " + secretId + ": field \"port\" must be a port number");
        }
        String user = required(n, "username");
        String password = required(n, "password");
        String db = optional(n, "dbname", "");
        String tls = n.hasNonNull("sslMode") ? tlsMode(n.get("sslMode").asText(), "the secret's \"sslMode\"")
                : n.hasNonNull("tls") ? tlsMode(n.get("tls").asText(), "the secret's \"tls\"") : defaultTls;
        String url = "jdbc:mysql://" + host + ":" + port + "/"
                + java.net.URLEncoder.encode(db, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return new DbCredentials(url, user, password, Map.of("sslMode", tls));
    }

    private String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty()) {
            throw new SourceException("secret " + secretId + " lacks the field \"" + field + "\" (RDS secret format:"
                    + " {\"engine\",\"host\",\"port\",\"username\",\"password\",\"dbname\"})");
        }
        return v.asText();
    }

    private static String optional(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? dflt : v.asText();
    }

    private static String tlsMode(String value, String where) {
        String mode = TLS_MODES.get(value.trim().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (mode == null) {
            throw new SourceException(where + " must be one of disabled, preferred, required, verify-ca,"
                    + " verify-identity; got: " + value);
        }
        return mode;
    }
}
