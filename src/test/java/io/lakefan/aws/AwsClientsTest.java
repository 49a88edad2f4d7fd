package io.lakefan.aws;

import io.lakefan.testing.FakeLambda;
import io.lakefan.testing.FakeSecretsManager;
import io.lakefan.testing.S3Server;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK resolves {@code AWS_ENDPOINT_URL_*} itself; its system-property twins ({@code aws.endpointUrlS3},
 * ...) go through the same resolution and can be set in a test, so AwsClients adds no endpoint code.
 */
class AwsClientsTest {

    @Test
    void clients_followTheSdksStandardEndpointSettings() throws Exception {
        Map<String, String> saved = new HashMap<>();
        try (S3Server s3Server = S3Server.start(); FakeSecretsManager sm = FakeSecretsManager.start();
             FakeLambda lambda = FakeLambda.start()) {
            s3Server.createBucket("endpoint-test");
            sm.put("db", "{}");
            set(saved, "aws.region", "us-east-1");
            set(saved, "aws.accessKeyId", S3Server.ACCESS_KEY);
            set(saved, "aws.secretAccessKey", S3Server.SECRET_KEY);
            set(saved, "aws.endpointUrlS3", s3Server.endpoint().toString());
            set(saved, "aws.endpointUrlSecretsManager", sm.endpoint().toString());
            set(saved, "aws.endpointUrl", lambda.endpoint().toString()); // the generic setting, for Lambda

            AwsClients clients = AwsClients.fromEnvironment(Map.of(AwsClients.PATH_STYLE_ENV, "true"));
            assertTrue(clients.pathStyle());
            assertSame(clients.s3(), clients.s3(), "built once");

            clients.s3().putObject(b -> b.bucket("endpoint-test").key("k"), RequestBody.fromString("hello"));
            assertEquals("hello", Files.readString(s3Server.fileOf("endpoint-test", "k")));
            assertEquals("{}", clients.secretsManager().getSecretValue(b -> b.secretId("db")).secretString());
            assertEquals(1, sm.calls());
            assertEquals(202, clients.lambda().invoke(b -> b.functionName("f").invocationType("Event")
                    .payload(SdkBytes.fromUtf8String("{}"))).statusCode());
            assertEquals(1, lambda.count());
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }

    @Test
    void pathStyle_isOffUnlessAskedFor() {
        assertFalse(AwsClients.fromEnvironment(Map.of()).pathStyle());
        assertFalse(AwsClients.fromEnvironment(Map.of(AwsClients.PATH_STYLE_ENV, "no")).pathStyle());
    }

    private static void set(Map<String, String> saved, String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}
