package io.lakefan.lambda;

import io.lakefan.testing.Rows;

import io.lakefan.cli.Main;
import io.lakefan.testing.FakeLambda;
import io.lakefan.testing.FakeSecretsManager;
import io.lakefan.testing.S3Server;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lakefan invoke} as a user runs it against LocalStack or moto: configured only by environment variables
 * ({@code AWS_ENDPOINT_URL_*}, {@code LAKEFAN_S3_PATH_STYLE=true}, the function's own), here pointing at
 * s3proxy and the fake Secrets Manager (and the fake Lambda for {@code --fan-out lambda}).
 */
class InvokeCommandTest {
    S3Server s3Server;
    FakeSecretsManager secrets;
    S3Client s3;
    Map<String, String> env = new HashMap<>();

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void start() {
        s3Server = S3Server.start();
        secrets = FakeSecretsManager.start();
        s3Server.createBucket("lake");
        s3 = s3Server.s3Client();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        env.put("AWS_ENDPOINT_URL_S3", s3Server.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
        env.put("LAKEFAN_S3_PATH_STYLE", "true");
        env.put("LAKEFAN_LAKE", "s3://lake/raw");
        env.put("LAKEFAN_SECRET_ID", "db");
        env.put("LAKEFAN_CONFIG", "s3://lake/config/tables.json");
        env.put("LAKEFAN_DB_TLS", "disabled");
    }

    @AfterEach
    void stop() {
        s3.close();
        secrets.close();
        s3Server.close();
    }

    private String database(String prefix, String config) {
        TestDatabase db = TestDatabase.get();
        String d = HandlerEndToEndTest.shop(prefix);
        secrets.put("db", "{\"engine\":\"mysql\",\"host\":\"127.0.0.1\",\"port\":" + db.port() + ",\"username\":\""
                + TestDatabase.USER + "\",\"password\":\"" + TestDatabase.PASSWORD + "\",\"dbname\":\"" + d + "\"}");
        s3.putObject(b -> b.bucket("lake").key("config/tables.json"), RequestBody.fromString(config));
        return d;
    }

    private Result invoke(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("invoke"));
        argv.addAll(List.of(args));
        int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String lakeFiles(String d, String table) {
        return "read_parquet('" + s3Server.fileOf("lake", "raw/" + d + "/" + table) + "/*/*.parquet')";
    }

    @Test
    void invoke_scheduledEventWithLocalFanOut_landsTheTablesAndExitsZero() {
        String d = database("invoke_ok", HandlerEndToEndTest.CONFIG);
        Result r = invoke("--event", "events/scheduled.json", "--fan-out", "local");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains(HandlerEndToEndTest.SCHEDULED_RUN), r.out());
        assertEquals(Rows.source(d, "SELECT id, name FROM customers ORDER BY id"),
                Rows.lake("SELECT id, name FROM " + lakeFiles(d, "customers") + " ORDER BY id"));
        assertEquals(700, Rows.count("SELECT count(DISTINCT id) FROM " + lakeFiles(d, "orders")));
        assertTrue(Files.exists(s3Server.fileOf("lake",
                "raw/_lakefan/runs/" + HandlerEndToEndTest.SCHEDULED_RUN + "/summary.json")));
    }

    @Test
    void invoke_withAFailingTable_exitsOneNamingIt() {
        env.put("LAKEFAN_ASYNC_RETRIES", "1");
        String d = database("invoke_fail", "{\"tables\":[{\"name\":\"customers\"},{\"name\":\"ghost\"}]}");
        Result r = invoke("--event", "events/scheduled.json", "--fan-out", "local");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("ghost: FAILED") && r.err().contains("does not exist"), r.err());
        assertEquals(1500, Rows.count("SELECT count(*) FROM " + lakeFiles(d, "customers")));
    }

    @Test
    void invoke_malformedEventFile_exitsTwoWithAClearMessage() throws Exception {
        Path bad = Files.createTempFile("event", ".json");
        Files.writeString(bad, "{\"action\": \"extract\", \"tabel\": \"orders\"}");
        Result r = invoke("--event", bad.toString(), "--fan-out", "local");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("is not valid") && r.err().contains("unknown key(s) [tabel]"), r.err());

        Result missing = invoke("--event", "no/such/event.json");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("cannot read --event"), missing.err());
    }

    @Test
    void invoke_withLambdaFanOut_invokesTheFunctionOncePerTable() {
        database("invoke_lambda", HandlerEndToEndTest.CONFIG);
        try (FakeLambda lambda = FakeLambda.start()) {
            env.put("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString());
            env.put("LAKEFAN_FUNCTION", "lakefan:live");
            Result r = invoke("--event", "events/dispatch-some-tables.json");
            assertEquals(0, r.code(), r.toString());
            assertEquals(2, lambda.count(), lambda.payloads().toString());
            assertTrue(lambda.invocations().stream().allMatch(i -> i.function().equals("lakefan:live")
                    && i.type().equals("Event")));
            assertFalse(String.join("", lambda.payloads()).contains(TestDatabase.PASSWORD));
        }
    }
}
