package io.lakefan.parquet;

import java.time.Instant;

/**
 * The lineage values every row of a writer carries: {@code _lakefan_run_id} and {@code _lakefan_extracted_at}
 * (stored in milliseconds).
 */
public record Lineage(String runId, Instant extractedAt) {
    public Lineage {
        if (runId == null || runId.isEmpty()) throw new IllegalArgumentException("runId is required");
        if (extractedAt == null) throw new IllegalArgumentException("extractedAt is required");
    }

    public static Lineage of(String runId, Instant extractedAt) {
        return new Lineage(runId, extractedAt);
    }
}
