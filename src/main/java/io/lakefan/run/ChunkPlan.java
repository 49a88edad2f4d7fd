package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * {@code _lakefan/runs/<runId>/chunks/<table>/plan.json}: how a table's read is cut into units, fixed when the
 * table starts so that every chunk, retry and continuation reads the same window and ranges.
 *
 * @param window      the incremental window, or null for a full read
 * @param stateEtag   the version of the watermark state read at the start (the If-Match of the final advance)
 * @param keys        the order of each unit's read, which a continuation resumes after; empty: no continuation
 * @param splitColumn the split column, or null for a single unit
 * @param splitType   how split values bind
 * @param boundaries  chunk i reads {@code boundaries[i-1] <= split < boundaries[i]} (open at both ends)
 * @param nullChunk   whether one more unit reads the rows whose split column is NULL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChunkPlan(String runId, String table, Window window, String stateEtag, List<KeyColumn> keys,
                        String splitColumn, String splitType, List<String> boundaries, boolean nullChunk,
                        Instant extractedAt) {

    public ChunkPlan {
        keys = keys == null ? List.of() : List.copyOf(keys);
        boundaries = boundaries == null ? List.of() : List.copyOf(boundaries);
    }

    /** Units of work: the ranges, plus the NULL unit. */
    public int units() {
        return splitColumn == null ? 1 : boundaries.size() + 1 + (nullChunk ? 1 : 0);
    }

    /** Whether unit {@code i} is the one reading NULL split values. */
    public boolean isNullChunk(int i) {
        return nullChunk && i == boundaries.size() + 1;
    }
}
