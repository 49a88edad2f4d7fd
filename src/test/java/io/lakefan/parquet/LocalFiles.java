package io.lakefan.parquet;

import io.lakefan.lake.ObjectOutput;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.Versioned;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Test stand-in for the lake: a folder; outputs write {@code key.tmp} and rename on close, delete on abort. */
final class LocalFiles implements ObjectStore {
    final Path root;

    LocalFiles(Path root) {
        this.root = root;
    }

    Path path(String key) {
        return root.resolve(key);
    }

    @Override
    public ObjectOutput create(String key) {
        Path target = path(key);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
            return new ObjectOutput() {
                long pos;
                boolean closed;

                @Override
                public void write(int b) throws IOException {
                    os.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    os.write(b, off, len);
                    pos += len;
                }

                @Override
                public long position() {
                    return pos;
                }

                @Override
                public void abort() {
                    closed = true;
                    try {
                        os.close();
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // best effort
                    }
                }

                @Override
                public void close() throws IOException {
                    if (closed) return;
                    closed = true;
                    os.close();
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] readRange(String key, long offset, int length) {
        try (RandomAccessFile f = new RandomAccessFile(path(key).toFile(), "r")) {
            byte[] out = new byte[length];
            f.seek(offset);
            f.readFully(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> new StoredObject(root.relativize(p).toString().replace('\\', '/'), p.toFile().length()))
                    .filter(o -> o.key().startsWith(prefix)).sorted((a, b) -> a.key().compareTo(b.key())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe(String key) {
        return path(key).toString();
    }

    @Override
    public Optional<Versioned> get(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String put(String key, byte[] content) {
        try {
            Files.createDirectories(path(key).getParent());
            Files.write(path(key), content);
            return "x";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean putIfMatch(String key, byte[] content, String etag) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(Collection<String> keys) {
        throw new UnsupportedOperationException();
    }
}
