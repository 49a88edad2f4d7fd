package io.lakefan.aws;

import io.lakefan.lake.LakeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LakeUriTest {

    @Test
    void parse_bucketAndPrefix() {
        LakeUri u = LakeUri.parse("s3://my-lake/raw/mysql");
        assertEquals("my-lake", u.bucket());
        assertEquals("raw/mysql/", u.prefix());
        assertEquals("raw/mysql/_lakefan/runs/r/plan.json", u.key("_lakefan/runs/r/plan.json"));
        assertEquals("s3://my-lake/raw/mysql/a", u.describe("a"));
        assertEquals("", LakeUri.parse("s3://my-lake").prefix());
        assertEquals("", LakeUri.parse("s3://my-lake/").prefix());
        assertEquals("p/", LakeUri.parse("s3://my-lake/p/").prefix());
    }

    @Test
    void parse_badUris_sayWhatIsExpected() {
        assertMessage("s3a://lake/x", "s3a://");
        assertMessage("https://lake.s3.amazonaws.com/x", "expected s3://bucket/prefix");
        assertMessage("s3:///x", "names no bucket");
        assertMessage("s3://My_Bucket/x", "not a valid S3 bucket name");
        assertMessage("s3://ab", "not a valid S3 bucket name");
        assertMessage("s3://lake/a//b", "empty segment");
        assertMessage("", "LAKEFAN_LAKE");
        assertMessage(null, "LAKEFAN_LAKE");
    }

    private static void assertMessage(String uri, String expected) {
        LakeException e = assertThrows(LakeException.class, () -> LakeUri.parse(uri));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
