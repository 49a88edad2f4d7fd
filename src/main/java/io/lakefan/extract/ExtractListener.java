package io.lakefan.extract;

import io.lakefan.run.TableStatus;

/** Progress of extracts, for the CLI's progress lines and for metrics. Called from extract threads. */
public interface ExtractListener {

    /** A table's attempt starts reading. */
    default void started(String table) {
    }

    /** Rows written so far by a table's current attempt (called about once a second). */
    default void progress(String table, long rows) {
    }

    /** A table's attempt ended (any status). */
    default void finished(TableStatus status) {
    }

    ExtractListener NONE = new ExtractListener() {
    };
}
