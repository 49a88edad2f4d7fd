package io.lakefan.aws;

import io.lakefan.lake.LakeException;

import java.util.regex.Pattern;

/**
 * An S3 location {@code s3://bucket/prefix}: the lake root. The prefix is empty or ends with '/'.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix under which the lake lives, "" or ending with '/'
 */
public record LakeUri(String bucket, String prefix) {

    // S3 general purpose bucket names; directory buckets ("--x-s3") match too.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public LakeUri {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new LakeException("\"" + bucket + "\" is not a valid S3 bucket name (3-63 characters: lower case"
                    + " letters, digits, '.' and '-')");
        }
        prefix = prefix == null ? "" : prefix;
        while (prefix.startsWith("/")) prefix = prefix.substring(1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
        if (prefix.contains("//")) throw new LakeException("the S3 prefix \"" + prefix + "\" contains an empty segment");
    }

    /** Parses {@code s3://bucket} or {@code s3://bucket/prefix}; anything else is a {@link LakeException}. */
    public static LakeUri parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new LakeException("no lake location given: set LAKEFAN_LAKE to s3://bucket/prefix");
        }
        String u = uri.trim();
        if (!u.startsWith("s3://")) {
            String hint = u.matches("^[a-zA-Z0-9]+://.*") ? " (s3a://, https:// and other schemes are not accepted)" : "";
            throw new LakeException("\"" + uri + "\" is not an S3 location: expected s3://bucket/prefix" + hint);
        }
        String rest = u.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) throw new LakeException("\"" + uri + "\" names no bucket: expected s3://bucket/prefix");
        if (u.chars().anyMatch(Character::isWhitespace)) {
            throw new LakeException("\"" + uri + "\" contains white space");
        }
        return new LakeUri(bucket, prefix);
    }

    /** The full S3 key of a key relative to the root. */
    public String key(String relative) {
        return prefix + relative;
    }

    /** A key relative to the root, from a full S3 key under it. */
    String relative(String fullKey) {
        return fullKey.substring(prefix.length());
    }

    /** {@code s3://bucket/prefix<relative>}. */
    public String describe(String relative) {
        return "s3://" + bucket + "/" + key(relative);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
