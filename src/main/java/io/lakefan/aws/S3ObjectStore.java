package io.lakefan.aws;

import io.lakefan.lake.LakeException;
import io.lakefan.lake.ObjectOutput;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.Versioned;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The lake on S3: keys are relative to {@code s3://bucket/prefix}. Conditional writes use S3's
 * {@code If-None-Match: *} and {@code If-Match}; {@link #create(String)} streams with a multipart upload.
 * Every S3 failure becomes a {@link LakeException} naming the object, the S3 error code and what to check.
 */
public final class S3ObjectStore implements ObjectStore {

    /** S3 caps DeleteObjects at 1,000 keys per call. */
    static final int DELETE_BATCH = 1000;
    /** Attempts for a conditional write that S3 answers with 409 ConditionalRequestConflict. */
    static final int CONFLICT_ATTEMPTS = 4;

    private final S3Client s3;
    private final LakeUri root;
    private final S3Options options;
    private final ExecutorService uploads;

    private S3ObjectStore(S3Client s3, LakeUri root, S3Options options) {
        this.s3 = s3;
        this.root = root;
        this.options = options;
        // idle upload threads end after a while, so a store that is dropped leaves no threads behind
        ThreadPoolExecutor pool = new ThreadPoolExecutor(options.uploadThreads(), options.uploadThreads(),
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "lakefan-s3-upload");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.uploads = pool;
    }

    /** A store over {@code root} with the default options (8 MiB parts, 2 parts uploading at once). */
    public static S3ObjectStore create(S3Client s3, LakeUri root) {
        return new S3ObjectStore(s3, root, S3Options.defaults());
    }

    public static S3ObjectStore create(S3Client s3, LakeUri root, S3Options options) {
        return new S3ObjectStore(s3, root, options);
    }

    public LakeUri root() {
        return root;
    }

    @Override
    public Optional<Versioned> get(String key) {
        String full = root.key(key);
        try {
            ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(root.bucket()).key(full));
            return Optional.of(new Versioned(r.asByteArray(), r.response().eTag()));
        } catch (SdkException e) {
            if (isNoSuchKey(e)) return Optional.empty();
            throw S3Errors.wrap("GetObject", describe(key), e);
        }
    }

    @Override
    public String put(String key, byte[] content) {
        try {
            return s3.putObject(request(key, null), RequestBody.fromBytes(content)).eTag();
        } catch (SdkException e) {
            throw S3Errors.wrap("PutObject", describe(key), e);
        }
    }

    /**
     * {@inheritDoc} A 409 ConditionalRequestConflict (another conditional write to the key was in flight) is
     * retried with a short backoff; the retry then sees the winner's object and returns false with a 412.
     */
    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        return conditionalPut(key, content, b -> b.ifNoneMatch("*"), "PutObject If-None-Match: *");
    }

    /** {@inheritDoc} A missing object (404) is a mismatch too; 409 conflicts are retried as in putIfAbsent. */
    @Override
    public boolean putIfMatch(String key, byte[] content, String etag) {
        if (etag == null || etag.isEmpty()) throw new IllegalArgumentException("an etag is required");
        return conditionalPut(key, content, b -> b.ifMatch(etag), "PutObject If-Match");
    }

    private boolean conditionalPut(String key, byte[] content, Consumer<PutObjectRequest.Builder> condition,
                                   String operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(request(key, condition), RequestBody.fromBytes(content));
                return true;
            } catch (SdkException e) {
                int status = S3Errors.status(e);
                // The SDK retries a request whose answer was lost; the retry of a conditional write that did
                // succeed then meets its own object and gets 412. lakefan's conditional contents are unique
                // (holder, nonce, time), so finding exactly our bytes means the write was ours.
                if (status == 412) return writtenByUs(key, content);
                if (status == 404 && "NoSuchKey".equals(S3Errors.code(e))) return false;
                if (status == 409 && attempt < CONFLICT_ATTEMPTS) {
                    Backoff.sleep(attempt, 50, 1000);
                    continue;
                }
                throw S3Errors.wrap(operation, describe(key), e);
            }
        }
    }

    private boolean writtenByUs(String key, byte[] content) {
        return get(key).map(v -> java.util.Arrays.equals(v.content(), content)).orElse(false);
    }

    private PutObjectRequest request(String key, Consumer<PutObjectRequest.Builder> condition) {
        PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(root.bucket()).key(root.key(key));
        if (condition != null) condition.accept(b);
        return b.build();
    }

    @Override
    public List<StoredObject> list(String prefix) {
        List<StoredObject> out = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(root.bucket()).prefix(root.key(prefix))
                .maxKeys(options.listPageSize()).build();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
                out.add(new StoredObject(root.relative(o.key()), o.size()));
            }
        } catch (SdkException e) {
            throw S3Errors.wrap("ListObjectsV2", describe(prefix) + "*", e);
        }
        return out;
    }

    /** {@inheritDoc} In batches of 1,000 keys; keys S3 could not delete are reported together at the end. */
    @Override
    public void delete(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (String k : all.subList(from, Math.min(all.size(), from + DELETE_BATCH))) {
                batch.add(ObjectIdentifier.builder().key(root.key(k)).build());
            }
            DeleteObjectsResponse r;
            try {
                r = s3.deleteObjects(b -> b.bucket(root.bucket()).delete(Delete.builder().objects(batch).quiet(true).build()));
            } catch (SdkException e) {
                throw S3Errors.wrap("DeleteObjects (" + batch.size() + " keys)", root.toString(), e);
            }
            for (S3Error err : r.errors()) {
                if ("NoSuchKey".equals(err.code())) continue;
                failed.add("s3://" + root.bucket() + "/" + err.key() + " (" + err.code() + ": " + err.message() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new LakeException("S3 DeleteObjects could not delete " + failed.size() + " of " + all.size()
                    + " objects: " + String.join(", ", failed.subList(0, Math.min(10, failed.size())))
                    + (failed.size() > 10 ? ", ..." : "")
                    + ". Check that the function's role has s3:DeleteObject on the lake prefix.");
        }
    }

    @Override
    public ObjectOutput create(String key) {
        return new MultipartOutput(s3, root.bucket(), root.key(key), options, uploads);
    }

    /** {@inheritDoc} Fails when the object holds fewer than {@code offset + length} bytes. */
    @Override
    public byte[] readRange(String key, long offset, int length) {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("offset and length must be >= 0");
        if (length == 0) return new byte[0];
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        byte[] bytes;
        try {
            bytes = s3.getObjectAsBytes(b -> b.bucket(root.bucket()).key(root.key(key)).range(range)).asByteArray();
        } catch (SdkException e) {
            throw S3Errors.wrap("GetObject " + range, describe(key), e);
        }
        if (bytes.length != length) {
            throw new LakeException("S3 GetObject " + range + " of " + describe(key) + " returned " + bytes.length
                    + " bytes instead of " + length + ": the object is shorter than expected");
        }
        return bytes;
    }

    @Override
    public String describe(String key) {
        return root.describe(key);
    }

    private static boolean isNoSuchKey(SdkException e) {
        return S3Errors.status(e) == 404 && !"NoSuchBucket".equals(S3Errors.code(e));
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + root + "]";
    }
}
