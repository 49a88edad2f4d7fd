package io.lakefan.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-table settings a config's {@code defaults} object may set, with lakefan's built-in values. */
record Defaults(
        Mode mode,
        String lookback,
        boolean validate,
        boolean latestView,
        String latestViewPeriod,
        long maxRowsPerFile,
        long maxBytesPerFile,
        boolean booleans,
        TimestampPrecision timestampPrecision,
        int chunks,
        long rowsPerChunk) {

    static final long MIB = 1024L * 1024;
    static final long MIN_BYTES_PER_FILE = MIB;

    static final Defaults BUILT_IN = new Defaults(Mode.FULL, null, true, false, null,
            10_000_000L, 128 * MIB, false, TimestampPrecision.AUTO, 1, 2_000_000L);

    /** The keys of {@code defaults}, in the order the README lists them. */
    static final List<String> KEYS = List.of("mode", "lookback", "validate", "latestView", "latestViewPeriod",
            "maxRowsPerFile", "maxBytesPerFile", "booleans", "timestampPrecision", "chunks", "rowsPerChunk");

    /** Reads a {@code defaults} object; a bad value is a problem and leaves the built-in value. */
    static Defaults read(JsonNode node, List<String> problems) {
        if (!node.isObject()) {
            problems.add("defaults: must be an object like {\"mode\": \"full\"}, got " + Fields.show(node));
            return BUILT_IN;
        }
        Fields f = new Fields(node, "defaults", problems);
        Map<String, String> perTable = new LinkedHashMap<>();
        for (String key : TableReader.PER_TABLE_ONLY) {
            perTable.put(key, "'" + key + "' cannot be a default: it differs per table; set it on each table");
        }
        f.unknownKeys(KEYS, perTable);
        Defaults b = BUILT_IN;
        return new Defaults(
                or(f.choice("mode", Mode.class), b.mode),
                or(f.lookback("lookback"), b.lookback),
                or(f.bool("validate"), b.validate),
                or(f.bool("latestView"), b.latestView),
                or(f.period("latestViewPeriod"), b.latestViewPeriod),
                or(f.atLeast("maxRowsPerFile", 1, TableReader.MAX_ROWS_HINT), b.maxRowsPerFile),
                or(f.atLeast("maxBytesPerFile", MIN_BYTES_PER_FILE, TableReader.MAX_BYTES_HINT), b.maxBytesPerFile),
                or(f.bool("booleans"), b.booleans),
                or(f.choice("timestampPrecision", TimestampPrecision.class), b.timestampPrecision),
                or(f.chunks("chunks"), b.chunks),
                or(f.atLeast("rowsPerChunk", 1, TableReader.ROWS_PER_CHUNK_HINT), b.rowsPerChunk));
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
