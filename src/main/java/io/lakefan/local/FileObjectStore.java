package io.lakefan.local;

import io.lakefan.lake.LakeException;
import io.lakefan.lake.ObjectOutput;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.Versioned;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The lake in a local folder. Every object appears atomically: it is written aside as a hidden
 * {@code .name.tmp} file and renamed into place, so a crash never leaves a half file under a data key.
 * Conditional writes compare an MD5 of the content (S3's ETag for simple objects) under a lock that also
 * holds across processes.
 */
public final class FileObjectStore implements ObjectStore {
    private final Path root;

    private FileObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static FileObjectStore at(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new LakeException("cannot create the lake folder " + root + ": " + e.getMessage(), e);
        }
        return new FileObjectStore(root);
    }

    public Path root() {
        return root;
    }

    private Path path(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || key.startsWith("/")) throw new IllegalArgumentException("key escapes the lake: " + key);
        return p;
    }

    @Override
    public Optional<Versioned> get(String key) {
        try {
            byte[] content = Files.readAllBytes(path(key));
            return Optional.of(new Versioned(content, md5(content)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LakeException("cannot read " + describe(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String put(String key, byte[] content) {
        writeAtomically(path(key), content);
        return md5(content);
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        return locked(() -> {
            if (Files.exists(path(key))) return false;
            writeAtomically(path(key), content);
            return true;
        });
    }

    @Override
    public boolean putIfMatch(String key, byte[] content, String etag) {
        return locked(() -> {
            Optional<Versioned> current = get(key);
            if (current.isEmpty() || !current.get().etag().equals(etag)) return false;
            writeAtomically(path(key), content);
            return true;
        });
    }

    @Override
    public List<StoredObject> list(String prefix) {
        Path start = path(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/') + 1) : "");
        if (!Files.isDirectory(start)) return List.of();
        try (Stream<Path> files = Files.walk(start)) {
            List<StoredObject> out = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> {
                        String key = root.relativize(p).toString().replace('\\', '/');
                        if (key.startsWith(prefix)) out.add(new StoredObject(key, p.toFile().length()));
                    });
            out.sort(java.util.Comparator.comparing(StoredObject::key));
            return out;
        } catch (IOException e) {
            throw new LakeException("cannot list " + describe(prefix) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        for (String key : keys) {
            try {
                Files.deleteIfExists(path(key));
            } catch (IOException e) {
                throw new LakeException("cannot delete " + describe(key) + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public ObjectOutput create(String key) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            return new FileOutput(target, tmp);
        } catch (IOException e) {
            throw new LakeException("cannot write " + describe(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] readRange(String key, long offset, int length) {
        try (RandomAccessFile f = new RandomAccessFile(path(key).toFile(), "r")) {
            byte[] b = new byte[length];
            f.seek(offset);
            f.readFully(b);
            return b;
        } catch (IOException e) {
            throw new LakeException("cannot read " + describe(key) + " at " + offset + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe(String key) {
        return root.resolve(key).toString();
    }

    private void writeAtomically(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, content);
            move(tmp, target);
        } catch (IOException e) {
            throw new LakeException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private interface Check {
        boolean run() throws IOException;
    }

    /** Conditional writes hold a JVM monitor and a file lock, so two processes on one lake also exclude. */
    private synchronized boolean locked(Check check) {
        Path lock = root.resolve(".lakefan.lock");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return check.run();
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new LakeException("cannot lock the lake folder " + root + ": " + e.getMessage(), e);
        }
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class FileOutput extends ObjectOutput {
        private final Path target;
        private final Path tmp;
        private final OutputStream out;
        private long position;
        private boolean done;

        FileOutput(Path target, Path tmp) throws IOException {
            this.target = target;
            this.tmp = tmp;
            this.out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public void abort() {
            if (done) return;
            done = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a hidden .tmp file is never read as data
            }
        }

        @Override
        public void close() throws IOException {
            if (done) return;
            try {
                out.close();
                move(tmp, target);
                done = true;
            } catch (IOException e) {
                abort();
                throw new LakeException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
    }
}
