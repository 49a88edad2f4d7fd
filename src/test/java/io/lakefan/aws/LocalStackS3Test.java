package io.lakefan.aws;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Conditional writes against LocalStack's S3, when a Docker engine is there to run it. */
class LocalStackS3Test {

    @Test
    void conditionalWrites_againstLocalStack() {
        assumeTrue(dockerAvailable(), "Docker is not available: LocalStack needs a Docker engine;"
                + " the same cases run against s3proxy in S3ObjectStoreTest");
        try (LocalStackContainer ls = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices(LocalStackContainer.Service.S3)) {
            ls.start();
            try (S3Client s3 = S3Client.builder()
                    .endpointOverride(ls.getEndpoint())
                    .forcePathStyle(true)
                    .region(Region.of(ls.getRegion()))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ls.getAccessKey(), ls.getSecretKey())))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                s3.createBucket(b -> b.bucket("lake"));
                S3ObjectStore store = S3ObjectStore.create(s3, LakeUri.parse("s3://lake/x"));
                byte[] one = "1".getBytes(StandardCharsets.UTF_8);
                assertTrue(store.putIfAbsent("claim", one));
                assertFalse(store.putIfAbsent("claim", one));
                String etag = store.put("state", one);
                assertTrue(store.putIfMatch("state", one, etag));
                assertFalse(store.putIfMatch("state", one, etag));
            }
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
