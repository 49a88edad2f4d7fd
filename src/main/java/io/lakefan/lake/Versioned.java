package io.lakefan.lake;

/** An object's content with the version tag to use for a conditional update. */
public record Versioned(byte[] content, String etag) {
    public Versioned {
        if (content == null || etag == null) throw new IllegalArgumentException("content and etag are required");
    }
}
