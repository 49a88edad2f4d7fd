package io.lakefan.cli;

import io.lakefan.extract.ExtractListener;
import io.lakefan.run.TableStatus;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Progress lines while a run goes: rows and rows/s per table, then one line as each table ends. */
final class Progress implements ExtractListener {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Map<String, long[]> first = new ConcurrentHashMap<>();

    Progress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(String table) {
        first.put(table, new long[]{System.nanoTime()});
    }

    @Override
    public void progress(String table, long rows) {
        long now = System.nanoTime();
        long[] f = first.computeIfAbsent(table, t -> new long[]{now});
        double secs = Math.max(0.01, (now - f[0]) / 1e9);
        line(String.format("%-28s %,14d rows %,12.0f rows/s", table, rows, rows / secs));
    }

    @Override
    public void finished(TableStatus s) {
        String what = switch (s.status()) {
            case SUCCESSFUL -> String.format("%,d rows in %d file(s), %.1f s", s.rows(), s.files().size(), s.seconds());
            case EMPTY -> "no rows in the window; no file written";
            default -> s.error() == null ? "" : s.error().lines().findFirst().orElse("");
        };
        line(String.format("%-28s %-10s %s (attempt %d)", s.table(), s.status(), what, s.attempts()));
    }

    private synchronized void line(String text) {
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, text);
    }
}
