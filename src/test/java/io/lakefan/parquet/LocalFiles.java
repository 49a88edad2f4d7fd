package io.lakefan.parquet;

import io.lakefan.local.FileObjectStore;
import io.lakefan.testing.ForwardingObjectStore;

import java.nio.file.Path;

/** The lake in a test folder (lakefan's own {@link FileObjectStore}), with the path of each key for DuckDB. */
final class LocalFiles extends ForwardingObjectStore {
    final Path root;

    LocalFiles(Path root) {
        super(FileObjectStore.at(root));
        this.root = ((FileObjectStore) delegate).root();
    }

    Path path(String key) {
        return root.resolve(key);
    }
}
