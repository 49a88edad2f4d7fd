package io.lakefan.run;

/** What happened to a table in a run. */
public enum Status {
    /** An attempt is reading the table now (or died without saying so). */
    RUNNING,
    /** Rows were written and the watermark advanced. */
    SUCCESSFUL,
    /** The window held no rows; no file was written. */
    EMPTY,
    /** Another run holds the table's lease; nothing was read. */
    SKIPPED,
    /** The attempt failed; terminal once it was the last allowed attempt. */
    FAILED,
    /** Files were written but finalize found a different row count. */
    VALIDATION_FAILED;

    /** Whether the extract is done for good (finalize may run). */
    public boolean done() {
        return this == SUCCESSFUL || this == EMPTY || this == SKIPPED;
    }
}
