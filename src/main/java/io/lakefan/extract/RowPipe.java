package io.lakefan.extract;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads rows on one thread and hands them to the writer in batches, so that decoding the MySQL stream and
 * encoding Parquet use two cores. The queue is bounded by batch count and each batch by rows and bytes,
 * so memory stays flat whatever the table's size.
 */
final class RowPipe implements AutoCloseable {

    /** Produces the next row, or null at the end. */
    @FunctionalInterface
    interface RowSource {
        Object[] next() throws SQLException;
    }

    private static final Object[][] END = new Object[0][];
    private static final int MAX_ROWS = 512;
    private static final long MAX_BYTES = 1 << 20;

    private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(4);
    private final Thread producer;
    private final Runnable onCancel;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private boolean ended;

    private RowPipe(RowSource source, Runnable onCancel, String name) {
        this.onCancel = onCancel;
        this.producer = new Thread(() -> produce(source), "lakefan-read-" + name);
        this.producer.setDaemon(true);
    }

    /** Starts reading; {@code onCancel} stops the source if the writer gives up (e.g. aborts the connection). */
    static RowPipe start(RowSource source, Runnable onCancel, String name) {
        RowPipe p = new RowPipe(source, onCancel, name);
        p.producer.start();
        return p;
    }

    private void produce(RowSource source) {
        try {
            Object[][] batch = new Object[MAX_ROWS][];
            int n = 0;
            long bytes = 0;
            Object[] row;
            while (!cancelled && (row = source.next()) != null) {
                batch[n++] = row;
                bytes += sizeOf(row);
                if (n == MAX_ROWS || bytes >= MAX_BYTES) {
                    put(n == MAX_ROWS ? batch : java.util.Arrays.copyOf(batch, n));
                    batch = new Object[MAX_ROWS][];
                    n = 0;
                    bytes = 0;
                }
            }
            if (n > 0) put(java.util.Arrays.copyOf(batch, n));
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                put(END);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Object[][] batch) throws InterruptedException {
        while (!cancelled) {
            if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) return;
        }
    }

    private static long sizeOf(Object[] row) {
        long s = 16L * row.length;
        for (Object v : row) {
            if (v instanceof String str) s += str.length();
            else if (v instanceof byte[] b) s += b.length;
        }
        return s;
    }

    /** The next batch, or null when the source is exhausted; rethrows the reader's failure. */
    Object[][] next() throws SQLException, InterruptedException {
        if (ended) return null;
        Object[][] b = queue.take();
        if (b == END) {
            ended = true;
            Throwable t = failure;
            if (t instanceof SQLException e) throw e;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            if (t != null) throw new IllegalStateException(t);
            return null;
        }
        return b;
    }

    /** Stops the reader if it is still running and waits for it. */
    @Override
    public void close() {
        if (ended) {
            // the reader put END and is returning: nothing to cancel
            join();
            return;
        }
        if (producer.isAlive()) {
            cancelled = true;
            onCancel.run();
            queue.clear();
            join();
        }
    }

    private void join() {
        try {
            producer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
