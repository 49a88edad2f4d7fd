package io.lakefan.local;

import io.lakefan.dispatch.Invoker;
import io.lakefan.event.ExtractEvent;
import io.lakefan.event.LakefanEvent;
import io.lakefan.run.TimeBudget;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The fan-out outside Lambda: each invocation runs on a bounded thread pool, asynchronously, like Lambda's
 * InvocationType=Event. A failed extract is run again up to the attempt limit, like Lambda's async retries.
 */
public final class ThreadPoolInvoker implements Invoker, AutoCloseable {
    private final ExecutorService pool;
    private final int maxAttempts;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final Supplier<TimeBudget> budgets;
    private volatile BiFunction<LakefanEvent, TimeBudget, Object> target;

    public ThreadPoolInvoker(int parallelism, int maxAttempts) {
        this(parallelism, maxAttempts, TimeBudget::unlimited);
    }

    /** {@code budgets} gives each invocation its time budget (like Lambda's remaining time). */
    public ThreadPoolInvoker(int parallelism, int maxAttempts, Supplier<TimeBudget> budgets) {
        this.budgets = budgets;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "lakefan-invoke-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.maxAttempts = maxAttempts;
    }

    /** What each invocation runs (the lakefan instance's handle method). */
    public void bind(BiFunction<LakefanEvent, TimeBudget, Object> target) {
        this.target = target;
    }

    @Override
    public void invokeAsync(LakefanEvent event) {
        if (target == null) throw new IllegalStateException("ThreadPoolInvoker is not bound to a handler");
        inFlight.incrementAndGet();
        pool.execute(() -> run(event, 1));
    }

    private void run(LakefanEvent event, int attempt) {
        try {
            target.apply(event, budgets.get());
        } catch (Throwable t) {
            if (event instanceof ExtractEvent && attempt < maxAttempts) {
                inFlight.incrementAndGet();
                pool.execute(() -> run(event, attempt + 1));
            } else {
                failures.add(t);
            }
        } finally {
            synchronized (inFlight) {
                if (inFlight.decrementAndGet() == 0) inFlight.notifyAll();
            }
        }
    }

    /** Waits until no invocation is queued or running. */
    public void awaitIdle() throws InterruptedException {
        synchronized (inFlight) {
            while (inFlight.get() > 0) inFlight.wait(1000);
        }
    }

    /** Failures of invocations that had no attempt left. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
