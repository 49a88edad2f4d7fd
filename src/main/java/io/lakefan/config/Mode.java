package io.lakefan.config;

/** How a table is read: all rows every run, or the rows past the watermark. */
public enum Mode {
    FULL, INCREMENTAL
}
