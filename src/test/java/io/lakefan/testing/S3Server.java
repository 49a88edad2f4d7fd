package io.lakefan.testing;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An S3 endpoint for tests: s3proxy with a file system store in a temp folder, AWS V4 auth with fixed test
 * keys. Each object is a plain file at {@code <dir>/<bucket>/<key>}, which DuckDB can read.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final Region REGION = Region.US_EAST_1;

    private final S3Proxy proxy;
    private final Path dir;
    private final URI endpoint;

    private S3Server(S3Proxy proxy, Path dir, URI endpoint) {
        this.proxy = proxy;
        this.dir = dir;
        this.endpoint = endpoint;
    }

    /** Starts on a free port with a new temp folder. */
    public static S3Server start() {
        try {
            Path dir = Files.createTempDirectory("lakefan-s3");
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                    .jettyMaxThreads(32)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("s3proxy did not start");
                Thread.sleep(5);
            }
            return new S3Server(proxy, dir, URI.create("http://127.0.0.1:" + proxy.getPort()));
        } catch (Exception e) {
            throw new IllegalStateException("could not start s3proxy: " + e, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public Path dir() {
        return dir;
    }

    /** The file s3proxy keeps the object in. */
    public Path fileOf(String bucket, String key) {
        return dir.resolve(bucket).resolve(key);
    }

    public void createBucket(String name) {
        try (S3Client s3 = s3Client()) {
            s3.createBucket(b -> b.bucket(name));
        }
    }

    /** A client for this server: path-style, static test credentials, us-east-1. */
    public S3Client s3Client() {
        return client(false);
    }

    /** The same without SDK retries, for fast error tests. */
    public S3Client s3ClientWithoutRetries() {
        return client(true);
    }

    private S3Client client(boolean noRetry) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                // s3proxy (Jetty) may answer an error before "100 Continue" and close the connection; the
                // url-connection client then loses the S3 error code ("Error writing request body to server")
                .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(false).build())
                // plain Content-Length bodies (no aws-chunked trailers), which Jetty reads before it answers
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> {
                    if (noRetry) o.retryStrategy(AwsRetryStrategy.doNotRetry());
                })
                .build();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping a test server
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // best effort cleanup of a temp folder
        }
    }
}
