package io.lakefan.dispatch;

import io.lakefan.event.LakefanEvent;

/**
 * Starts another invocation of lakefan asynchronously: the Lambda API with InvocationType=Event on AWS,
 * a bounded thread pool locally. Returns once the invocation is accepted, not when it has run.
 */
public interface Invoker {

    /** Queues the event; throws when it could not be queued (nothing was started then). */
    void invokeAsync(LakefanEvent event);
}
