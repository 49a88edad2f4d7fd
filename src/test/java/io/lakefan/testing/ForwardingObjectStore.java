package io.lakefan.testing;

import io.lakefan.lake.ObjectOutput;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.Versioned;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** An {@link ObjectStore} that hands every call to another one; tests override the calls they observe or break. */
public class ForwardingObjectStore implements ObjectStore {
    protected final ObjectStore delegate;

    public ForwardingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Versioned> get(String key) {
        return delegate.get(key);
    }

    @Override
    public String put(String key, byte[] content) {
        return delegate.put(key, content);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        return delegate.putIfAbsent(key, content);
    }

    @Override
    public boolean putIfMatch(String key, byte[] content, String etag) {
        return delegate.putIfMatch(key, content, etag);
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void delete(Collection<String> keys) {
        delegate.delete(keys);
    }

    @Override
    public ObjectOutput create(String key) {
        return delegate.create(key);
    }

    @Override
    public byte[] readRange(String key, long offset, int length) {
        return delegate.readRange(key, offset, length);
    }

    @Override
    public String describe(String key) {
        return delegate.describe(key);
    }
}
