package io.lakefan.extract;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads rows on one thread and hands them to the writer in batches, so that decoding the MySQL stream and
 * encoding Parquet use two cores. The queue is bounded by batch count and each batch by rows and bytes,
 * so memory stays flat whatever the table's size.
 */
final class RowPipe implements AutoCloseable {

    /** The rows of a result set, and the key of the current row. */
    interface Cursor {
        /** Moves to the next row; false at the end. */
        boolean next() throws SQLException;

        /** The current row's values. */
        Object[] row() throws SQLException;

        /** The current row's key values (as text), or null when the read has no key order. */
        List<String> key() throws SQLException;
    }

    /** Rows, and the key of the last one (null for the last batch of the read, which needs no resume point). */
    record Batch(Object[][] rows, List<String> lastKey) {
    }

    private static final Batch END = new Batch(new Object[0][], null);
    private static final int MAX_ROWS = 512;
    private static final long MAX_BYTES = 1 << 20;

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private final Thread producer;
    private final Runnable onCancel;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private boolean ended;

    private RowPipe(Cursor source, Runnable onCancel, String name) {
        this.onCancel = onCancel;
        this.producer = new Thread(() -> produce(source), "lakefan-read-" + name);
        this.producer.setDaemon(true);
    }

    /** Starts reading; {@code onCancel} stops the source if the writer gives up (e.g. aborts the connection). */
    static RowPipe start(Cursor source, Runnable onCancel, String name) {
        RowPipe p = new RowPipe(source, onCancel, name);
        p.producer.start();
        return p;
    }

    private void produce(Cursor source) {
        try {
            Object[][] batch = new Object[MAX_ROWS][];
            int n = 0;
            long bytes = 0;
            while (!cancelled && source.next()) {
                Object[] row = source.row();
                batch[n++] = row;
                bytes += sizeOf(row);
                if (n == MAX_ROWS || bytes >= MAX_BYTES) {
                    put(new Batch(n == MAX_ROWS ? batch : Arrays.copyOf(batch, n), source.key()));
                    batch = new Object[MAX_ROWS][];
                    n = 0;
                    bytes = 0;
                }
            }
            if (n > 0) put(new Batch(Arrays.copyOf(batch, n), null));
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

    private void put(Batch batch) throws InterruptedException {
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
    Batch next() throws SQLException, InterruptedException {
        if (ended) return null;
        Batch b = queue.take();
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
