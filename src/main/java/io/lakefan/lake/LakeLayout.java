package io.lakefan.lake;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows every key of the lake (DESIGN.md, "The lake"). Keys are relative to the
 * lake root; table and database names passed in are already lake names ({@code [a-z0-9_]}).
 *
 * <pre>
 * &lt;database&gt;/&lt;table&gt;/ingest_date=YYYY-MM-DD/&lt;runId&gt;-c&lt;chunk&gt;-p&lt;part&gt;.snappy.parquet
 * _lakefan/runs/&lt;runId&gt;/plan.json | tables/&lt;table&gt;.json | summary.json | finalize.claim
 * _lakefan/state/&lt;database&gt;/&lt;table&gt;.json
 * _lakefan/locks/&lt;database&gt;/&lt;table&gt;.json
 * _lakefan/log/&lt;database&gt;/&lt;table&gt;/&lt;runId&gt;.json
 * </pre>
 */
public final class LakeLayout {

    public static final String META = "_lakefan";
    public static final String PARTITION_COLUMN = "ingest_date";
    private static final Pattern PART = Pattern.compile(".*-c(\\d+)-p(\\d+)\\.snappy\\.parquet$");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private LakeLayout() {
    }

    /** Throws when {@code runId} could not be used safely in a key and in SQL literals. */
    public static String checkRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("runId must match " + RUN_ID.pattern() + ", got: " + runId);
        }
        return runId;
    }

    /** The folder of a table's data: {@code <database>/<table>/}. */
    public static String tablePrefix(String database, String table) {
        return database + "/" + table + "/";
    }

    /** The folder of one partition. */
    public static String partitionPrefix(String database, String table, LocalDate ingestDate) {
        return tablePrefix(database, table) + PARTITION_COLUMN + "=" + ingestDate + "/";
    }

    /** The prefix shared by every file of one unit of work (run, table, chunk). */
    public static String unitPrefix(String database, String table, LocalDate ingestDate, String runId, int chunk) {
        return partitionPrefix(database, table, ingestDate) + runId + "-c" + pad(chunk, 3) + "-";
    }

    /** A data file's key; deterministic for (run, table, chunk, part), so a retry overwrites, never adds. */
    public static String dataFile(String database, String table, LocalDate ingestDate, String runId, int chunk, int part) {
        return unitPrefix(database, table, ingestDate, runId, chunk) + "p" + pad(part, 5) + ".snappy.parquet";
    }

    /** The part number of a data file key, or empty when the key is not one. */
    public static OptionalInt partOf(String key) {
        Matcher m = PART.matcher(key);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(2))) : OptionalInt.empty();
    }

    public static String runPrefix(String runId) {
        return META + "/runs/" + runId + "/";
    }

    public static String plan(String runId) {
        return runPrefix(runId) + "plan.json";
    }

    public static String tableStatus(String runId, String table) {
        return runPrefix(runId) + "tables/" + table + ".json";
    }

    /** An empty marker: the table reached a terminal status (the completion check lists these). */
    public static String tableDone(String runId, String table) {
        return runPrefix(runId) + "done/" + table;
    }

    /** One record per chunk of a split table. */
    public static String chunkStatus(String runId, String table, int chunk) {
        return runPrefix(runId) + "chunks/" + table + "/c" + pad(chunk, 3) + ".json";
    }

    /** How a table's read is cut into units. */
    public static String chunkPlan(String runId, String table) {
        return runPrefix(runId) + "chunks/" + table + "/plan.json";
    }

    /** Claimed by the chunk that completes a split table. */
    public static String tableClaim(String runId, String table) {
        return runPrefix(runId) + "chunks/" + table + "/complete.claim";
    }

    /** One of the run's source-read slots (the cap on concurrent reads of the source). */
    public static String readSlot(String runId, int slot) {
        return runPrefix(runId) + "slots/s" + pad(slot, 3) + ".json";
    }

    /** Where units that found every read slot taken wait to be woken. */
    public static String waitingPrefix(String runId) {
        return runPrefix(runId) + "waiting/";
    }

    public static String summary(String runId) {
        return runPrefix(runId) + "summary.json";
    }

    /** Created with If-None-Match by the one extract that triggers finalize. */
    public static String finalizeClaim(String runId) {
        return runPrefix(runId) + "finalize.claim";
    }

    public static String state(String database, String table) {
        return META + "/state/" + database + "/" + table + ".json";
    }

    public static String lock(String database, String table) {
        return META + "/locks/" + database + "/" + table + ".json";
    }

    public static String log(String database, String table, String runId) {
        return META + "/log/" + database + "/" + table + "/" + runId + ".json";
    }

    private static String pad(int n, int width) {
        if (n < 0) throw new IllegalArgumentException("negative index " + n);
        String s = Integer.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
