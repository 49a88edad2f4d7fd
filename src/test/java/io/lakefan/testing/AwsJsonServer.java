package io.lakefan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small AWS JSON 1.1 service for tests: {@code POST /} with {@code X-Amz-Target: Service.Operation}, JSON in and
 * out, errors as {@code {"__type": "...Exception", "message": ...}} with status 400. JDK HttpServer on port 0,
 * daemon threads; requests are not authenticated.
 */
abstract class AwsJsonServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));

    private final HttpServer server;
    private final ExecutorService threads;

    /** An error the service answers with: {@code __type} and message. */
    static final class AwsError extends RuntimeException {
        final String type;
        final int status;

        AwsError(String type, String message) {
            this(type, message, 400);
        }

        AwsError(String type, String message, int status) {
            super(message);
            this.type = type;
            this.status = status;
        }
    }

    AwsJsonServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** Handles {@code operation} (the part after the dot of X-Amz-Target); returns the response body. */
    abstract ObjectNode handle(String operation, JsonNode request);

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void exchange(HttpExchange x) throws IOException {
        byte[] body;
        int status = 200;
        try {
            String target = x.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(x.getRequestBody().readAllBytes());
            if (target == null || !target.contains(".")) throw new AwsError("UnknownOperationException", "no X-Amz-Target");
            ObjectNode response = handle(target.substring(target.indexOf('.') + 1), request == null ? JSON.createObjectNode() : request);
            body = JSON.writeValueAsBytes(response);
        } catch (AwsError e) {
            status = e.status;
            body = JSON.writeValueAsBytes(JSON.createObjectNode().put("__type", e.type).put("message", e.getMessage()));
        } catch (RuntimeException e) {
            status = 500;
            body = JSON.writeValueAsBytes(JSON.createObjectNode().put("__type", "InternalServiceException")
                    .put("message", String.valueOf(e)));
        }
        x.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        if (status != 200) {
            String type = JSON.readTree(body).path("__type").asText();
            x.getResponseHeaders().set("x-amzn-ErrorType", type);
        }
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new AwsError("InvalidInputException", field + " is required");
        return v.asText();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
