package io.lakefan.dispatch;

import io.lakefan.event.LakefanEvent;

import java.util.List;

/**
 * Starts another invocation of lakefan asynchronously: the Lambda API with InvocationType=Event on AWS,
 * a bounded thread pool locally. Returns once the invocation is accepted, not when it has run.
 */
public interface Invoker {

    /** Queues the event; throws when it could not be queued (nothing was started then). */
    void invokeAsync(LakefanEvent event);

    /** Queues many events; implementations send them concurrently. Throws naming those that failed. */
    default void invokeAll(List<? extends LakefanEvent> events) {
        events.forEach(this::invokeAsync);
    }
}
