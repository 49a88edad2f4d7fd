package io.lakefan.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakefan.json.Json;
import io.lakefan.run.RunSummary;
import io.lakefan.run.TableStatus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch embedded metric format: one JSON line per table of a finalized run, printed to stdout where Lambda
 * turns it into metrics (namespace {@value #NAMESPACE}, dimensions database and table; Rows, Bytes, Seconds) with
 * the status and run id as searchable properties. No SDK call, no extra latency.
 */
public final class EmfMetrics {
    public static final String NAMESPACE = "lakefan";

    private EmfMetrics() {
    }

    /** The EMF lines of a run summary, one per table. */
    public static List<String> lines(RunSummary summary) {
        List<String> out = new ArrayList<>();
        long timestamp = summary.finishedAt() == null ? System.currentTimeMillis() : summary.finishedAt().toEpochMilli();
        for (TableStatus t : summary.tables()) out.add(line(summary, t, timestamp));
        return out;
    }

    public static void print(RunSummary summary, PrintStream out) {
        for (String line : lines(summary)) out.println(line);
        out.flush();
    }

    private static String line(RunSummary summary, TableStatus t, long timestamp) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ObjectNode aws = n.putObject("_aws");
        aws.put("Timestamp", timestamp);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("database").add("table");
        ArrayNode metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", "Rows").put("Unit", "Count");
        metrics.addObject().put("Name", "Bytes").put("Unit", "Bytes");
        metrics.addObject().put("Name", "Seconds").put("Unit", "Seconds");
        n.put("database", summary.database());
        n.put("table", t.table());
        n.put("Rows", t.rows());
        n.put("Bytes", t.bytes());
        n.put("Seconds", t.seconds());
        n.put("status", String.valueOf(t.status()));
        n.put("runId", summary.runId());
        if (t.error() != null) n.put("error", t.error());
        return n.toString();
    }
}
