package io.lakefan.extract;

import io.lakefan.run.DataFile;
import io.lakefan.run.Window;

import java.util.List;
import java.util.Map;

/**
 * What one unit of work wrote.
 *
 * @param files     the files, in part order
 * @param window    the incremental window read, or null for a full read
 * @param zeroDates zero dates turned into nulls
 * @param resume    where a continuation must resume, empty when the unit is complete
 */
public record ExtractResult(List<DataFile> files, Window window, long zeroDates, Map<String, String> resume) {
    public ExtractResult {
        files = List.copyOf(files);
        resume = resume == null ? Map.of() : Map.copyOf(resume);
    }

    public long rows() {
        return files.stream().mapToLong(DataFile::rows).sum();
    }

    public boolean complete() {
        return resume.isEmpty();
    }
}
