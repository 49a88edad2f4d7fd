package io.lakefan.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/** Real SDK clients pointed at an in-test endpoint: static test keys, us-east-1, url-connection client. */
public final class TestAwsClients {
    private TestAwsClients() {
    }

    /** Configures {@code builder} for {@code endpoint}; {@code retries=false} gives fast error tests. */
    public static <B extends AwsSyncClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C>
    C build(B builder, URI endpoint, boolean retries) {
        builder.httpClient(UrlConnectionHttpClient.create());
        builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .overrideConfiguration(o -> {
                    if (!retries) o.retryStrategy(AwsRetryStrategy.doNotRetry());
                });
        return builder.build();
    }
}
