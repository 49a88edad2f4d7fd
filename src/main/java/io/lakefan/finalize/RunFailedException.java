package io.lakefan.finalize;

import io.lakefan.run.RunSummary;
import io.lakefan.run.TableStatus;

import java.util.stream.Collectors;

/** The run ended with failed tables; the message lists each with its reason. Thrown after the summary is saved. */
public class RunFailedException extends RuntimeException {
    private final transient RunSummary summary;

    public RunFailedException(RunSummary summary) {
        super("run " + summary.runId() + " failed: " + summary.failures().size() + " of " + summary.tables().size()
                + " table(s) did not land:\n" + summary.failures().stream()
                .map(RunFailedException::line).collect(Collectors.joining("\n")));
        this.summary = summary;
    }

    private static String line(TableStatus t) {
        return "  " + t.table() + ": " + t.status() + (t.error() == null ? "" : " - " + t.error());
    }

    public RunSummary summary() {
        return summary;
    }
}
