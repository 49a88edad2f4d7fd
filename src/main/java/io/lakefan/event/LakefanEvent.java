package io.lakefan.event;

/**
 * What one invocation of the function is asked to do (DESIGN.md, "Events"). Events carry names and
 * positions only, never credentials or rows. {@link EventCodec} reads and writes them.
 */
public sealed interface LakefanEvent permits DispatchEvent, ExtractEvent, FinalizeEvent {

    /** How many times the function has invoked itself to get here; bounded to stop runaway recursion. */
    int hop();
}
