package io.lakefan.lake;

/** A key in the lake and its size in bytes. */
public record StoredObject(String key, long size) {
}
