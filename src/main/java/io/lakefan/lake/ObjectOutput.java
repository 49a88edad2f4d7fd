package io.lakefan.lake;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A streaming write into the lake. {@link #close()} commits the object atomically; {@link #abort()}
 * discards it, so a failed or killed writer never leaves a partial object under a data key.
 */
public abstract class ObjectOutput extends OutputStream {

    /** Bytes written so far. */
    public abstract long position();

    /** Discards everything written; safe to call more than once and after a failed close. */
    public abstract void abort();

    /** Commits the object. */
    @Override
    public abstract void close() throws IOException;
}
