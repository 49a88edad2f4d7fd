package io.lakefan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager's GetSecretValue for tests (AWS JSON 1.1: {@code POST /},
 * {@code X-Amz-Target: secretsmanager.GetSecretValue}). Unknown ids get ResourceNotFoundException; ids
 * marked with {@link #deny(String)} get AccessDeniedException. Counts calls, to test caching.
 */
public final class FakeSecretsManager extends FakeAwsServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();

    private FakeSecretsManager() {
        super("fake-secretsmanager", 4);
    }

    public static FakeSecretsManager start() {
        return new FakeSecretsManager();
    }

    /** Stores (or rotates) a secret string. */
    public void put(String id, String secretString) {
        secrets.put(id, secretString);
    }

    public void deny(String id) {
        denied.add(id);
    }

    /** GetSecretValue calls so far. */
    public int calls() {
        return calls.get();
    }

    public SecretsManagerClient client(boolean retries) {
        return TestAwsClients.build(SecretsManagerClient.builder(), endpoint(), retries);
    }

    @Override
    void handle(HttpExchange ex) throws IOException {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        if (!"secretsmanager.GetSecretValue".equals(target)) {
            error(ex, "UnknownOperationException", "not implemented by the fake: " + target);
            return;
        }
        calls.incrementAndGet();
        String id = body.path("SecretId").asText();
        if (denied.contains(id)) {
            error(ex, "AccessDeniedException", "User is not authorized to perform: secretsmanager:GetSecretValue");
            return;
        }
        String secret = secrets.get(id);
        if (secret == null) {
            error(ex, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + id + "-AbCdEf";
        respond(ex, 200, "application/x-amz-json-1.1", "{\"ARN\":" + json(arn) + ",\"Name\":" + json(id)
                + ",\"SecretString\":" + json(secret) + ",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"],"
                + "\"CreatedDate\":1.7E9}");
    }

    private static void error(HttpExchange ex, String type, String message) throws IOException {
        respond(ex, 400, "application/x-amz-json-1.1", "{\"__type\":" + json(type) + ",\"message\":" + json(message) + "}");
    }
}
