package io.lakefan.aws;

import io.lakefan.lake.LakeException;
import io.lakefan.lake.ObjectOutput;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.Versioned;
import io.lakefan.testing.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3ObjectStoreTest {
    static final String BUCKET = "lake";
    static final int MIB = 1024 * 1024;
    static S3Server server;
    static S3Client s3;
    static S3ObjectStore store;
    static final AtomicInteger PREFIXES = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = S3Server.start();
        server.createBucket(BUCKET);
        s3 = server.s3Client();
        store = S3ObjectStore.create(s3, LakeUri.parse("s3://" + BUCKET + "/root"),
                S3Options.defaults().withPartSize(5 * MIB));
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    static String unique(String name) {
        return "t" + PREFIXES.incrementAndGet() + "/" + name;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void put_thenGet_returnsContentAndTheSameEtag() {
        String key = unique("a.json");
        String etag = store.put(key, utf8("{\"a\":1}"));
        Versioned v = store.get(key).orElseThrow();
        assertArrayEquals(utf8("{\"a\":1}"), v.content());
        assertEquals(etag, v.etag());
        assertTrue(Files.exists(server.fileOf(BUCKET, "root/" + key)), "s3proxy keeps the object as a file");
    }

    @Test
    void get_whenAbsent_isEmpty() {
        assertTrue(store.get(unique("missing.json")).isEmpty());
    }

    @Test
    void putIfAbsent_secondTime_returnsFalseAndKeepsTheFirst() {
        String key = unique("finalize.claim");
        assertTrue(store.putIfAbsent(key, utf8("first")));
        assertFalse(store.putIfAbsent(key, utf8("second")));
        assertArrayEquals(utf8("first"), store.get(key).orElseThrow().content());
    }

    @Test
    void putIfAbsent_whoseEarlierTryLanded_recognisesItsOwnObject() {
        // what an SDK retry sees when the first try's answer was lost: its own object, then 412
        String key = unique("finalize.claim");
        byte[] mine = utf8("request-1 5b0c7f0e-claim");
        store.put(key, mine);
        assertTrue(store.putIfAbsent(key, mine), "the object is exactly ours: the claim is ours");
        assertFalse(store.putIfAbsent(key, utf8("request-2 0a9d-claim")), "someone else's claim stays theirs");
        String etag = store.get(key).orElseThrow().etag();
        byte[] next = utf8("request-1 second write");
        assertTrue(store.putIfMatch(key, next, etag));
        assertTrue(store.putIfMatch(key, next, etag), "a retried If-Match that landed is recognised too");
        assertFalse(store.putIfMatch(key, utf8("other"), etag));
    }

    @Test
    void putIfMatch_withCurrentEtag_writes_withStaleEtag_returnsFalse() {
        String key = unique("state.json");
        String first = store.put(key, utf8("v1"));
        assertTrue(store.putIfMatch(key, utf8("v2"), first));
        Versioned now = store.get(key).orElseThrow();
        assertArrayEquals(utf8("v2"), now.content());
        assertNotEquals(first, now.etag());
        assertFalse(store.putIfMatch(key, utf8("v3"), first), "stale etag");
        assertArrayEquals(utf8("v2"), store.get(key).orElseThrow().content());
        assertTrue(store.putIfMatch(key, utf8("v3"), now.etag()));
    }

    @Test
    void putIfMatch_whenAbsent_returnsFalse() {
        assertFalse(store.putIfMatch(unique("none.json"), utf8("x"), "\"0123456789abcdef0123456789abcdef\""));
    }

    @Test
    void list_andDelete_moreThanOnePageAndOneBatch() throws Exception {
        String prefix = unique("many/");
        int n = 1_050;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = prefix + String.format("k%05d", i);
            keys.add(key);
            // s3proxy serves plain files in its folder as objects; writing them directly keeps the test fast
            var file = server.fileOf(BUCKET, "root/" + key);
            Files.createDirectories(file.getParent());
            Files.write(file, utf8(key));
        }
        store.put(unique("other"), utf8("not listed"));

        long t0 = System.nanoTime();
        List<StoredObject> listed = store.list(prefix);
        System.out.printf("listed %d keys in %d ms%n", listed.size(), (System.nanoTime() - t0) / 1_000_000);
        assertEquals(keys, listed.stream().map(StoredObject::key).toList(), "every key, in order, across pages");
        assertEquals(keys.get(0).length(), listed.get(0).size());

        S3ObjectStore smallPages = S3ObjectStore.create(s3, store.root(), S3Options.defaults().withListPageSize(300));
        assertEquals(keys, smallPages.list(prefix).stream().map(StoredObject::key).toList());

        List<String> toDelete = new ArrayList<>(keys);
        toDelete.add(prefix + "never-existed");
        t0 = System.nanoTime();
        store.delete(toDelete);
        System.out.printf("deleted %d keys in %d ms%n", toDelete.size(), (System.nanoTime() - t0) / 1_000_000);
        assertEquals(List.of(), store.list(prefix));
        assertFalse(Files.exists(server.fileOf(BUCKET, "root/" + keys.get(0))));
    }

    @Test
    void readRange_returnsTheBytesAtTheOffset() {
        String key = unique("f.parquet");
        byte[] content = new byte[1000];
        for (int i = 0; i < content.length; i++) content[i] = (byte) i;
        store.put(key, content);
        assertArrayEquals(Arrays.copyOfRange(content, 992, 1000), store.readRange(key, 992, 8));
        assertArrayEquals(Arrays.copyOfRange(content, 0, 4), store.readRange(key, 0, 4));
        assertEquals(0, store.readRange(key, 10, 0).length);
        LakeException e = assertThrows(LakeException.class, () -> store.readRange(key, 996, 8));
        assertTrue(e.getMessage().contains("shorter"), e.getMessage());
    }

    @Test
    void create_streamsAMultipartObject_equalToWhatWasWritten() throws IOException {
        String key = unique("big.bin");
        byte[] content = new byte[20 * MIB + 12345];
        new Random(42).nextBytes(content);
        long t0 = System.nanoTime();
        try (ObjectOutput out = store.create(key)) {
            // odd-sized writes so that parts fill across write calls
            for (int off = 0; off < content.length; ) {
                int len = Math.min(content.length - off, 100_003);
                out.write(content, off, len);
                off += len;
            }
            out.write(7);
            assertEquals(content.length + 1L, out.position());
            assertFalse(Files.exists(server.fileOf(BUCKET, "root/" + key)), "nothing visible before close");
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("multipart upload of %.1f MiB into s3proxy: %.2f s, %.1f MiB/s%n",
                content.length / (double) MIB, secs, content.length / (double) MIB / secs);
        byte[] onDisk = Files.readAllBytes(server.fileOf(BUCKET, "root/" + key));
        assertEquals(content.length + 1, onDisk.length);
        assertArrayEquals(content, Arrays.copyOf(onDisk, content.length));
        assertEquals(7, onDisk[content.length]);
        assertEquals(List.of(), s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads());
    }

    @Test
    void create_tinyObject_isOnePut() throws IOException {
        String key = unique("tiny.json");
        try (ObjectOutput out = store.create(key)) {
            out.write(utf8("tiny"));
        }
        assertArrayEquals(utf8("tiny"), Files.readAllBytes(server.fileOf(BUCKET, "root/" + key)));
        String empty = unique("empty");
        store.create(empty).close();
        assertEquals(0, store.get(empty).orElseThrow().content().length);
    }

    @Test
    void abort_afterPartsWereUploaded_leavesNoObjectAndNoUpload() throws IOException {
        String key = unique("aborted.bin");
        ObjectOutput out = store.create(key);
        out.write(new byte[11 * MIB]);
        out.abort();
        out.abort();
        assertTrue(store.get(key).isEmpty());
        assertEquals(List.of(), s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads());
        assertThrows(Exception.class, () -> out.write(1));
        out.close(); // a close after abort does not publish anything
        assertTrue(store.get(key).isEmpty());
    }

    @Test
    void missingBucket_givesLakeExceptionNamingTheBucket() {
        try (S3Client noRetry = server.s3ClientWithoutRetries()) {
            S3ObjectStore missing = S3ObjectStore.create(noRetry, LakeUri.parse("s3://no-such-bucket/x"));
            LakeException e = assertThrows(LakeException.class, () -> missing.put("a", utf8("a")));
            assertTrue(e.getMessage().contains("s3://no-such-bucket/x/a"), e.getMessage());
            assertTrue(e.getMessage().contains("NoSuchBucket"), e.getMessage());
            LakeException g = assertThrows(LakeException.class, () -> missing.get("a"));
            assertTrue(g.getMessage().contains("no-such-bucket"), g.getMessage());
            LakeException l = assertThrows(LakeException.class, () -> missing.list(""));
            assertTrue(l.getMessage().contains("no-such-bucket"), l.getMessage());
        }
    }

    @Test
    void multipart_intoMissingBucket_failsWithWhatToCheck() {
        try (S3Client noRetry = server.s3ClientWithoutRetries()) {
            S3ObjectStore missing = S3ObjectStore.create(noRetry, LakeUri.parse("s3://no-such-bucket/x"),
                    S3Options.defaults().withPartSize(5 * MIB));
            ObjectOutput out = missing.create("big");
            LakeException e = assertThrows(LakeException.class, () -> {
                out.write(new byte[6 * MIB]);
                out.close();
            });
            assertTrue(e.getMessage().contains("s3://no-such-bucket/x/big"), e.getMessage());
            assertTrue(e.getMessage().contains("bucket exists"), e.getMessage());
        }
    }
}
