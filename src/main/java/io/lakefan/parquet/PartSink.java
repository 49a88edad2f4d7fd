package io.lakefan.parquet;

import io.lakefan.lake.ObjectOutput;

/** Where a {@link RollingWriter}'s parts go: the key of each part number, and a streaming output for it. */
public interface PartSink {

    /** The lake key of part {@code part}. */
    String key(int part);

    /** Opens the output of part {@code part} (at {@link #key(int)}). */
    ObjectOutput open(int part);
}
