package io.lakefan.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.lakefan.config.Defaults.or;

/** Reads one entry of the table list, applies the defaults and records every problem it finds. */
final class TableReader {
    /** The keys of a table in the {@code {"tables": [...]}} form. */
    static final List<String> KEYS = List.of("name", "lakeName", "query", "mode", "watermark", "primaryKey",
            "lookback", "validate", "latestView", "latestViewPeriod", "maxRowsPerFile", "maxBytesPerFile",
            "booleans", "timestampPrecision", "splitColumn", "chunks", "rowsPerChunk");
    /** Keys that only make sense per table. */
    static final List<String> PER_TABLE_ONLY = List.of("name", "lakeName", "query", "watermark", "primaryKey",
            "splitColumn");
    /** The keys of an entry in the bare array form. */
    static final List<String> BARE_KEYS = List.of("table_name", "query");

    static final String MAX_ROWS_HINT = "rows per Parquet file before a new file starts";
    static final String MAX_BYTES_HINT = "bytes per Parquet file before a new file starts; at least 1 MiB";
    static final String ROWS_PER_CHUNK_HINT = "target rows per chunk when \"chunks\" is \"auto\"";

    private static final Map<String, String> MISPLACED = Map.of(
            "table_name", "unknown key 'table_name'; did you mean 'name'? ('table_name' is the key of the bare array form)",
            "sql", "unknown key 'sql'; did you mean 'query'?",
            "defaults", "unknown key 'defaults'; it belongs at the top level, beside 'tables'");

    private final JsonNode item;
    private final Fields f;
    private final Defaults defaults;
    private final boolean bare;

    private TableReader(JsonNode item, Fields f, Defaults defaults, boolean bare) {
        this.item = item;
        this.f = f;
        this.defaults = defaults;
        this.bare = bare;
    }

    /** A label that names an entry in messages: {@code tables[1] "orders"}. */
    static String label(String list, int index, JsonNode item, boolean bare) {
        JsonNode name = item.isObject() ? item.get(bare ? "table_name" : "name") : null;
        String at = list + "[" + index + "]";
        return name != null && name.isTextual() ? at + " " + Fields.show(name) : at;
    }

    /**
     * Reads the entry at {@code index}; {@code bare} is the {@code [{"table_name", "query"}]} form. Returns
     * null when the entry has no usable name (the problem is recorded); otherwise a table that is only
     * valid if no problem was recorded.
     */
    static TableConfig read(JsonNode item, String where, Defaults defaults, boolean bare, List<String> problems) {
        Fields f = new Fields(item, where, problems);
        if (!item.isObject()) {
            f.problem("must be an object like " + (bare ? "{\"table_name\": \"orders\", \"query\": \"SELECT ...\"}"
                    : "{\"name\": \"orders\"}") + ", got " + Fields.show(item));
            return null;
        }
        return new TableReader(item, f, defaults, bare).read();
    }

    private TableConfig read() {
        String nameKey = bare ? "table_name" : "name";
        if (bare) {
            Map<String, String> misplaced = new HashMap<>();
            misplaced.put("name", "unknown key 'name'; did you mean 'table_name'?");
            for (String key : KEYS) {
                misplaced.putIfAbsent(key, "'" + key + "' needs the object form {\"tables\": [{\"name\": ..., \""
                        + key + "\": ...}]}; the bare array form takes only 'table_name' and 'query'");
            }
            f.unknownKeys(BARE_KEYS, misplaced);
        } else {
            f.unknownKeys(KEYS, MISPLACED);
        }
        String name = f.identifier(nameKey);
        if (!f.has(nameKey)) {
            f.problem(nameKey, "is missing; add \"" + nameKey + "\": \"<source table name>\"");
        }
        String lakeName = lakeName(name);
        String query = null;
        boolean customQuery = f.has("query");
        if (customQuery) {
            String text = f.text("query");
            if (text != null) {
                QueryCheck.Result checked = QueryCheck.check(text);
                if (checked.problem() != null) f.problem("query", checked.problem());
                query = checked.sql();
            }
        } else if (name != null) {
            query = "SELECT * FROM " + Names.quote(name);
        }
        if (bare) {
            Defaults d = defaults;
            return name == null ? null : new TableConfig(name, lakeName, query, customQuery, d.mode(), null, List.of(),
                    null, d.validate(), d.latestView(), d.latestViewPeriod(), d.maxRowsPerFile(), d.maxBytesPerFile(),
                    d.booleans(), d.timestampPrecision(), null, d.chunks(), d.rowsPerChunk());
        }
        Mode mode = f.has("mode") ? f.choice("mode", Mode.class) : defaults.mode();
        String watermark = f.identifier("watermark");
        checkWatermark(mode);
        List<String> keyRead = f.identifiers("primaryKey");
        List<String> primaryKey = or(keyRead, List.of());
        boolean keyBad = f.has("primaryKey") && keyRead == null; // already reported
        String lookback = lookback(mode);
        boolean latestView = or(f.bool("latestView"), defaults.latestView());
        String latestViewPeriod = latestViewPeriod(latestView);
        if (latestView && primaryKey.isEmpty() && !keyBad) {
            f.problem("latestView", "is on" + (f.has("latestView") ? "" : " (from defaults)")
                    + " but 'primaryKey' is missing or empty: the view keeps the newest row per key; add \"primaryKey\": "
                    + "[\"<column>\"] or set \"latestView\": false");
        }
        String splitColumn = f.identifier("splitColumn");
        int chunks = 1;
        if (f.has("chunks")) {
            chunks = or(f.chunks("chunks"), 1);
            if (!f.has("splitColumn")) {
                f.problem("chunks", "needs 'splitColumn', the column to divide the rows on; add \"splitColumn\": "
                        + "\"<numeric key column>\" or remove 'chunks'");
            }
        } else if (splitColumn != null) {
            chunks = defaults.chunks();
        }
        // read everything before deciding, so a table without a name still reports its other problems
        boolean validate = or(f.bool("validate"), defaults.validate());
        long maxRowsPerFile = or(f.atLeast("maxRowsPerFile", 1, MAX_ROWS_HINT), defaults.maxRowsPerFile());
        long maxBytesPerFile = or(f.atLeast("maxBytesPerFile", Defaults.MIN_BYTES_PER_FILE, MAX_BYTES_HINT),
                defaults.maxBytesPerFile());
        boolean booleans = or(f.bool("booleans"), defaults.booleans());
        TimestampPrecision precision = f.has("timestampPrecision")
                ? f.choice("timestampPrecision", TimestampPrecision.class) : defaults.timestampPrecision();
        long rowsPerChunk = or(f.atLeast("rowsPerChunk", 1, ROWS_PER_CHUNK_HINT), defaults.rowsPerChunk());
        if (name == null) return null;
        return new TableConfig(name, lakeName, query, customQuery, mode, watermark, primaryKey, lookback, validate,
                latestView, latestViewPeriod, maxRowsPerFile, maxBytesPerFile, booleans, precision, splitColumn,
                chunks, rowsPerChunk);
    }

    private String lakeName(String name) {
        if (!f.has("lakeName")) return name == null ? null : Names.lake(name);
        String given = f.text("lakeName");
        if (given != null && !(given.equals(Names.lake(given)) && given.length() <= 255)) {
            f.problem("lakeName", "must be lower case letters, digits and '_', not starting with a digit (what "
                    + "Athena and Glue accept), e.g. " + '"' + Names.lake(given) + '"' + ", got \"" + given + '"');
        }
        return given;
    }

    private void checkWatermark(Mode mode) {
        if (mode == Mode.INCREMENTAL && !f.has("watermark")) {
            f.problem("watermark", "is missing but mode is incremental; add \"watermark\": \"<column that grows on "
                    + "every change, e.g. updated_at>\"" + (f.has("mode") ? "" : " (mode incremental comes from defaults)"));
        }
        if (mode == Mode.FULL && f.has("watermark")) {
            f.problem("watermark", "is set but mode is full, which reads every row; add \"mode\": \"incremental\" "
                    + "or remove 'watermark'");
        }
    }

    private String lookback(Mode mode) {
        if (!f.has("lookback")) return mode == Mode.INCREMENTAL ? defaults.lookback() : null;
        String lookback = f.lookback("lookback");
        if (mode == Mode.FULL) {
            f.problem("lookback", "is set but mode is full, which reads every row; add \"mode\": \"incremental\" "
                    + "or remove 'lookback'");
        }
        return lookback;
    }

    private String latestViewPeriod(boolean latestView) {
        if (!f.has("latestViewPeriod")) return latestView ? defaults.latestViewPeriod() : null;
        String period = f.period("latestViewPeriod");
        if (!latestView) {
            f.problem("latestViewPeriod", "is set but 'latestView' is off; add \"latestView\": true or remove "
                    + "'latestViewPeriod'");
        }
        return period;
    }
}
