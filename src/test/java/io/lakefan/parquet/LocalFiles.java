package io.lakefan.parquet;

import io.lakefan.lake.ObjectOutput;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.Versioned;
import io.lakefan.local.FileObjectStore;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The lake in a test folder (lakefan's own {@link FileObjectStore}), with the path of each key for DuckDB. */
final class LocalFiles implements ObjectStore {
    final Path root;
    private final FileObjectStore store;

    LocalFiles(Path root) {
        this.store = FileObjectStore.at(root);
        this.root = store.root();
    }

    Path path(String key) {
        return root.resolve(key);
    }

    @Override
    public ObjectOutput create(String key) {
        return store.create(key);
    }

    @Override
    public byte[] readRange(String key, long offset, int length) {
        return store.readRange(key, offset, length);
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return store.list(prefix);
    }

    @Override
    public String describe(String key) {
        return store.describe(key);
    }

    @Override
    public Optional<Versioned> get(String key) {
        return store.get(key);
    }

    @Override
    public String put(String key, byte[] content) {
        return store.put(key, content);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        return store.putIfAbsent(key, content);
    }

    @Override
    public boolean putIfMatch(String key, byte[] content, String etag) {
        return store.putIfMatch(key, content, etag);
    }

    @Override
    public void delete(Collection<String> keys) {
        store.delete(keys);
    }
}
