package io.lakefan.aws;

import io.lakefan.lake.LakeException;
import io.lakefan.lake.ObjectOutput;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Streams an object to S3 as it is written: each full part is uploaded (on the store's upload threads,
 * while the producer fills the next one) and the upload is completed on close. At most
 * {@code partsInFlight + 1} part buffers exist at once. An object that never fills one part is one PutObject.
 * Any failure aborts the multipart upload, so no partial object and no orphaned parts are left behind.
 */
final class MultipartOutput extends ObjectOutput {
    private static final int MAX_PARTS = 10_000;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partSize;
    private final ExecutorService executor;
    private final Semaphore inFlight;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();

    private byte[] buffer;
    private int filled;
    private long position;
    private String uploadId;
    private boolean closed;
    private volatile Throwable failure;

    MultipartOutput(S3Client s3, String bucket, String key, S3Options options, ExecutorService executor) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.partSize = options.partSize();
        this.executor = executor;
        this.inFlight = new Semaphore(options.partsInFlight());
        this.buffer = new byte[Math.min(partSize, 64 * 1024)];
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (filled == buffer.length) makeRoom();
        buffer[filled++] = (byte) b;
        position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (filled == buffer.length) makeRoom();
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            position += n;
        }
    }

    /** Grows a small buffer up to a part (small objects stay small), or ships a full part. */
    private void makeRoom() {
        if (buffer.length < partSize) {
            buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(partSize, buffer.length * 4L));
        } else {
            uploadPart();
            buffer = new byte[partSize];
        }
    }

    private void uploadPart() {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            }
        } catch (SdkException e) {
            throw fail(S3Errors.wrap("CreateMultipartUpload", location(), e));
        }
        int partNumber = parts.size() + 1;
        if (partNumber > MAX_PARTS) {
            throw fail(new LakeException("the object " + location() + " would need more than " + MAX_PARTS
                    + " parts of " + partSize + " bytes: raise the part size (" + S3Options.PART_SIZE_ENV + ")"));
        }
        byte[] data = buffer;
        int length = filled;
        filled = 0;
        try {
            inFlight.acquire(); // bounds memory: wait while too many parts are still uploading
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(new LakeException("interrupted while uploading " + location(), e));
        }
        String id = uploadId;
        parts.add(executor.submit(() -> {
            try {
                if (failure != null) throw new IllegalStateException("upload already failed");
                RequestBody body = RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length),
                        length, "application/octet-stream");
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(partNumber)
                        .contentLength((long) length), body).eTag();
                return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
            } catch (SdkException e) {
                LakeException le = S3Errors.wrap("UploadPart " + partNumber, location(), e);
                if (failure == null) failure = le;
                throw le;
            } finally {
                inFlight.release();
            }
        }));
        checkFailure();
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            if (uploadId == null) {
                putSingle();
            } else {
                if (filled > 0) uploadPart();
                List<CompletedPart> done = new ArrayList<>();
                for (Future<CompletedPart> f : parts) done.add(await(f));
                done.sort(Comparator.comparing(CompletedPart::partNumber));
                try {
                    s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                            .multipartUpload(m -> m.parts(done)));
                } catch (SdkException e) {
                    throw S3Errors.wrap("CompleteMultipartUpload", location(), e);
                }
            }
        } catch (RuntimeException e) {
            throw fail(e);
        } finally {
            buffer = null;
        }
    }

    private void putSingle() {
        byte[] data = buffer;
        int length = filled;
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) length),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length,
                            "application/octet-stream"));
        } catch (SdkException e) {
            throw S3Errors.wrap("PutObject", location(), e);
        }
    }

    private CompletedPart await(Future<CompletedPart> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException("interrupted while uploading " + location(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof LakeException le) throw le;
            throw new LakeException("uploading a part of " + location() + " failed: " + c, c);
        }
    }

    @Override
    public void abort() {
        closed = true;
        buffer = null;
        if (failure == null) failure = new LakeException("the upload of " + location() + " was aborted");
        for (Future<CompletedPart> f : parts) f.cancel(false);
        for (Future<CompletedPart> f : parts) {
            try {
                f.get(); // let running part uploads end, so that none lands after the abort
            } catch (Exception ignored) {
                // the part's failure, if any, is already recorded or irrelevant after an abort
            }
        }
        if (uploadId != null) {
            String id = uploadId;
            uploadId = null;
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id));
            } catch (SdkException e) {
                if (S3Errors.status(e) != 404) {
                    throw S3Errors.wrap("AbortMultipartUpload " + id + " (parts stay billed until a lifecycle rule"
                            + " removes them)", location(), e);
                }
            }
        }
    }

    /** Aborts, then hands back the error that caused it, with the message saying what to check. */
    private LakeException fail(RuntimeException cause) {
        LakeException le = cause instanceof LakeException l ? l
                : new LakeException("writing " + location() + " failed: " + cause, cause);
        if (failure == null) failure = le;
        try {
            abort();
        } catch (RuntimeException suppressed) {
            le.addSuppressed(suppressed);
        }
        return le;
    }

    private void checkFailure() {
        Throwable f = failure;
        if (f != null) {
            throw fail(f instanceof LakeException le ? le : new LakeException("writing " + location() + " failed", f));
        }
    }

    private void ensureOpen() throws IOException {
        checkFailure();
        if (closed) throw new IOException("the output for " + location() + " is closed");
    }

    private String location() {
        return "s3://" + bucket + "/" + key;
    }
}
