package io.lakefan.run;

/** How long the current invocation may still run: Lambda's remaining time, unlimited locally. */
@FunctionalInterface
public interface TimeBudget {

    long remainingMillis();

    static TimeBudget unlimited() {
        return () -> Long.MAX_VALUE;
    }

    /** A budget that ends {@code millis} from now. */
    static TimeBudget ofMillis(long millis) {
        long end = System.currentTimeMillis() + millis;
        return () -> end - System.currentTimeMillis();
    }
}
