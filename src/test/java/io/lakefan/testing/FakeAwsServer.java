package io.lakefan.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Base of the in-test AWS endpoints: a JDK HTTP server on a free loopback port, daemon threads only. */
abstract class FakeAwsServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService handlers;

    FakeAwsServer(String name, int handlerThreads) {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        handlers = Executors.newFixedThreadPool(handlerThreads, daemon(name));
        http.setExecutor(handlers);
        http.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            } catch (RuntimeException | IOException e) {
                respond(exchange, 500, "application/json", "{\"message\":\"fake server error: " + e + "\"}");
            }
        });
        http.start();
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    abstract void handle(HttpExchange exchange) throws IOException;

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        respond(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        http.stop(0);
        handlers.shutdownNow();
    }
}
