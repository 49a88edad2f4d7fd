package io.lakefan.aws;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter (between half and all of the exponential delay). */
final class Backoff {
    private Backoff() {
    }

    /** Sleeps a random time up to {@code min(capMillis, baseMillis * 2^(attempt-1))}. */
    static void sleep(int attempt, long baseMillis, long capMillis) {
        long max = Math.min(capMillis, baseMillis << Math.min(20, attempt - 1));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(max / 2, max + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
