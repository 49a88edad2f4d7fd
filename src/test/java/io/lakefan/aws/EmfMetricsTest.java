package io.lakefan.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakefan.json.Json;
import io.lakefan.run.DataFile;
import io.lakefan.run.RunSummary;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmfMetricsTest {
    @Test
    void lines_onePerTable_inEmbeddedMetricFormat() throws Exception {
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        TableStatus ok = TableStatus.start("r1", "orders", "orders", 1, t0)
                .withOutcome(Status.SUCCESSFUL, List.of(new DataFile("k", 10, 2048)), null, 0, t0.plusSeconds(3));
        TableStatus failed = TableStatus.start("r1", "users", "users", 1, t0).failed("boom", null, t0.plusSeconds(1));
        RunSummary s = new RunSummary("r1", "shop", false, t0, t0.plusSeconds(5), 10, 2048, List.of(ok, failed), List.of());

        List<String> lines = EmfMetrics.lines(s);

        assertEquals(2, lines.size());
        JsonNode n = Json.MAPPER.readTree(lines.get(0));
        JsonNode directive = n.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("lakefan", directive.path("Namespace").asText());
        assertEquals("[[\"database\",\"table\"]]", directive.path("Dimensions").toString());
        assertEquals(t0.plusSeconds(5).toEpochMilli(), n.path("_aws").path("Timestamp").asLong());
        assertEquals("orders", n.path("table").asText());
        assertEquals("shop", n.path("database").asText());
        assertEquals(10, n.path("Rows").asLong());
        assertEquals(2048, n.path("Bytes").asLong());
        assertEquals(3.0, n.path("Seconds").asDouble());
        assertEquals("SUCCESSFUL", n.path("status").asText());
        assertEquals("FAILED", Json.MAPPER.readTree(lines.get(1)).path("status").asText());
        assertEquals("boom", Json.MAPPER.readTree(lines.get(1)).path("error").asText());
    }
}
