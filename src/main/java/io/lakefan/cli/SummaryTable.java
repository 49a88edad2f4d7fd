package io.lakefan.cli;

import io.lakefan.run.RunSummary;
import io.lakefan.run.TableStatus;

import java.io.PrintStream;

/** The table printed at the end of a run. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(RunSummary s, PrintStream out) {
        out.printf("%n%-28s %-17s %14s %6s %10s %8s  %s%n", "table", "status", "rows", "files", "MB", "seconds", "note");
        for (TableStatus t : s.tables()) {
            String note = t.error() != null ? t.error().lines().findFirst().orElse("")
                    : t.zeroDates() > 0 ? t.zeroDates() + " zero date(s) landed as NULL"
                    : t.window() != null ? "window (" + t.window().low() + ", " + t.window().high() + "]" : "";
            out.printf("%-28s %-17s %,14d %6d %10.2f %8.1f  %s%n", t.table(), t.status(), t.rows(), t.files().size(),
                    t.bytes() / 1048576.0, t.seconds(), note);
        }
        out.printf("%nrun %s %s: %,d rows, %.2f MB%n", s.runId(), s.succeeded() ? "SUCCEEDED" : "FAILED", s.rows(),
                s.bytes() / 1048576.0);
        s.notes().forEach(n -> out.println("  note: " + n));
    }
}
