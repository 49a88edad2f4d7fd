package io.lakefan.lambda;

import io.lakefan.testing.Rows;

import io.lakefan.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scheduled-event scenario of {@link HandlerEndToEndTest} with S3 and Secrets Manager in LocalStack
 * (Lambda stays the in-test fake: LocalStack would run the function in another Docker container). Runs where
 * a Docker engine is available, is skipped at once elsewhere.
 */
class LocalStackEndToEndTest {

    @Test
    void scheduledEvent_landsEveryTable_onLocalStack() throws Exception {
        assumeTrue(dockerAvailable(), "Docker is not available: LocalStack needs a Docker engine;"
                + " the same scenario runs against s3proxy in HandlerEndToEndTest");
        String d = HandlerEndToEndTest.shop("lambda_localstack");
        LocalStackContainer ls = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.SECRETSMANAGER);
        ls.start();
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ls.getAccessKey(), ls.getSecretKey()));
        S3Client s3 = S3Client.builder().endpointOverride(ls.getEndpoint()).forcePathStyle(true)
                .region(Region.of(ls.getRegion())).credentialsProvider(keys)
                .httpClient(UrlConnectionHttpClient.create()).build();
        SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(ls.getEndpoint())
                .region(Region.of(ls.getRegion())).credentialsProvider(keys)
                .httpClient(UrlConnectionHttpClient.create()).build();
        try (LambdaRig rig = LambdaRig.on(s3, sm, () -> {
            s3.close();
            sm.close();
            ls.close();
        })) {
            rig.secret(d).config(HandlerEndToEndTest.CONFIG);
            rig.send(HandlerEndToEndTest.scheduledEvent());
            rig.awaitIdle();
            RunSummary summary = rig.summary(HandlerEndToEndTest.SCHEDULED_RUN);
            assertTrue(summary != null && summary.succeeded(), String.valueOf(summary) + rig.lambda().errors());
            Path lake = rig.download();
            assertEquals(Rows.source(d, "SELECT id, name, balance FROM customers ORDER BY id"),
                    Rows.lake("SELECT id, name, balance FROM " + LambdaRig.files(lake, d, "customers") + " ORDER BY id"));
            assertEquals(700, Rows.count("SELECT count(DISTINCT id) FROM " + LambdaRig.files(lake, d, "orders")));
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }
}
