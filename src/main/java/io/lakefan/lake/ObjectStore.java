package io.lakefan.lake;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The lake's storage port: a flat key space under the lake root (an S3 prefix or a local folder).
 * Keys are relative to the root and use '/' as separator. Implementations live in {@code aws} and
 * {@code local}; the core only talks to this interface.
 */
public interface ObjectStore {

    /** The object and its version tag, or empty when absent. */
    Optional<Versioned> get(String key);

    /** Writes unconditionally; returns the new version tag. */
    String put(String key, byte[] content);

    /** Writes only when no object exists at the key (S3 {@code If-None-Match: *}); false when one does. */
    boolean putIfAbsent(String key, byte[] content);

    /** Writes only when the current version tag equals {@code etag} (S3 {@code If-Match}); false otherwise. */
    boolean putIfMatch(String key, byte[] content, String etag);

    /** Every object whose key starts with {@code prefix}, in key order. */
    List<StoredObject> list(String prefix);

    /** Deletes the keys; absent keys are not an error. */
    void delete(Collection<String> keys);

    /**
     * Opens a streaming write. Nothing is visible at {@code key} until {@link ObjectOutput#close()} returns;
     * {@link ObjectOutput#abort()} discards what was written.
     */
    ObjectOutput create(String key);

    /** Reads {@code length} bytes at {@code offset} (for Parquet footers). */
    byte[] readRange(String key, long offset, int length);

    /** A location a person can paste into a shell or console, for messages ({@code s3://b/k} or a path). */
    String describe(String key);
}
