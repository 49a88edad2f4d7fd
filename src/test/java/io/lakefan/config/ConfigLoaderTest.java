package io.lakefan.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ConfigLoaderTest {

    private static final String FULL_SHAPE = """
            {
              "defaults": { "mode": "full", "validate": true, "latestView": false, "maxRowsPerFile": 10000000,
                            "maxBytesPerFile": 134217728, "booleans": false, "timestampPrecision": "auto",
                            "rowsPerChunk": 2000000 },
              "tables": [
                { "name": "customers", "primaryKey": ["id"], "latestView": true },
                { "name": "orders", "mode": "incremental", "watermark": "updated_at", "primaryKey": ["id"],
                  "lookback": "PT10M", "query": "SELECT * FROM orders WHERE status <> 'test'" },
                { "name": "events", "splitColumn": "id", "chunks": 8 },
                { "name": "big", "splitColumn": "id", "chunks": "auto", "rowsPerChunk": 1000000,
                  "latestView": true, "latestViewPeriod": "quarter", "primaryKey": "id" }
              ]
            }
            """;

    // ---- accepted shapes ------------------------------------------------------------------------------

    @Test
    void parse_fullShape_readsEveryTable() {
        LakefanConfig config = parse(FULL_SHAPE);

        assertEquals(List.of("customers", "orders", "events", "big"),
                config.tables().stream().map(TableConfig::name).toList());
        TableConfig customers = config.table("customers").orElseThrow();
        assertEquals(Mode.FULL, customers.mode());
        assertEquals(List.of("id"), customers.primaryKey());
        assertTrue(customers.latestView());
        assertEquals("SELECT * FROM `customers`", customers.query());
        assertFalse(customers.customQuery());

        TableConfig orders = config.table("orders").orElseThrow();
        assertEquals(Mode.INCREMENTAL, orders.mode());
        assertEquals("updated_at", orders.watermark());
        assertEquals("PT10M", orders.lookback());
        assertEquals("SELECT * FROM orders WHERE status <> 'test'", orders.query());
        assertTrue(orders.customQuery());

        TableConfig events = config.table("events").orElseThrow();
        assertEquals("id", events.splitColumn());
        assertEquals(8, events.chunks());
        assertTrue(events.isSplit());

        TableConfig big = config.table("big").orElseThrow();
        assertEquals(0, big.chunks(), "auto reads as 0");
        assertEquals(1_000_000L, big.rowsPerChunk());
        assertEquals("quarter", big.latestViewPeriod());
        assertEquals(List.of("id"), big.primaryKey(), "a single string is a one-column key");
    }

    @Test
    void parse_bareArray_readsFullModeTablesWithTheirQueries() {
        LakefanConfig config = parse("""
                [ {"table_name": "customers", "query": "SELECT id, name FROM customers"},
                  {"table_name": "Order Details", "query": "select * from `Order Details`"},
                  {"table_name": "products"} ]
                """);

        assertEquals(3, config.tables().size());
        TableConfig customers = config.tables().get(0);
        assertEquals("customers", customers.name());
        assertEquals("SELECT id, name FROM customers", customers.query());
        assertTrue(customers.customQuery());
        assertEquals(Mode.FULL, customers.mode());
        assertEquals("order_details", config.tables().get(1).lakeName());
        assertEquals("SELECT * FROM `products`", config.tables().get(2).query());
        assertFalse(config.tables().get(2).customQuery());
    }

    @Test
    void parse_whenKeysAreLeftOut_appliesBuiltInDefaults() {
        TableConfig t = parse("{\"tables\": [{\"name\": \"Order Details\"}]}").tables().get(0);

        assertEquals("order_details", t.lakeName());
        assertEquals("SELECT * FROM `Order Details`", t.query());
        assertFalse(t.customQuery());
        assertEquals(Mode.FULL, t.mode());
        assertNull(t.watermark());
        assertEquals(List.of(), t.primaryKey());
        assertNull(t.lookback());
        assertTrue(t.validate());
        assertFalse(t.latestView());
        assertNull(t.latestViewPeriod());
        assertEquals(10_000_000L, t.maxRowsPerFile());
        assertEquals(128L * 1024 * 1024, t.maxBytesPerFile());
        assertFalse(t.booleans());
        assertEquals(TimestampPrecision.AUTO, t.timestampPrecision());
        assertNull(t.splitColumn());
        assertEquals(1, t.chunks());
        assertEquals(2_000_000L, t.rowsPerChunk());
        assertFalse(t.isSplit());
    }

    @Test
    void parse_whenDefaultsAreSet_tablesInheritAndMayOverride() {
        LakefanConfig config = parse("""
                {"defaults": {"mode": "incremental", "lookback": "PT1H", "validate": false, "latestView": true,
                              "latestViewPeriod": "month", "maxRowsPerFile": 500, "maxBytesPerFile": 2097152,
                              "booleans": true, "timestampPrecision": "MICROS", "chunks": "auto", "rowsPerChunk": 100},
                 "tables": [
                   {"name": "a", "watermark": "updated_at", "primaryKey": "id"},
                   {"name": "b", "mode": "full", "latestView": false, "validate": true, "splitColumn": "id",
                    "chunks": 3, "timestampPrecision": "millis"}
                 ]}
                """);
        TableConfig a = config.tables().get(0);
        assertEquals(Mode.INCREMENTAL, a.mode());
        assertEquals("PT1H", a.lookback());
        assertFalse(a.validate());
        assertTrue(a.latestView());
        assertEquals("month", a.latestViewPeriod());
        assertEquals(500, a.maxRowsPerFile());
        assertEquals(2_097_152, a.maxBytesPerFile());
        assertTrue(a.booleans());
        assertEquals(TimestampPrecision.MICROS, a.timestampPrecision());
        assertEquals(1, a.chunks(), "default chunks only apply to tables with a splitColumn");
        assertEquals(100, a.rowsPerChunk());

        TableConfig b = config.tables().get(1);
        assertEquals(Mode.FULL, b.mode());
        assertNull(b.lookback(), "a default lookback does not apply to a full table");
        assertTrue(b.validate());
        assertFalse(b.latestView());
        assertNull(b.latestViewPeriod(), "a default period does not apply without a latest view");
        assertEquals(3, b.chunks());
        assertEquals(TimestampPrecision.MILLIS, b.timestampPrecision());
    }

    @Test
    void parse_whenSplitColumnHasNoChunks_usesDefaultChunks() {
        TableConfig plain = parse("{\"tables\": [{\"name\": \"t\", \"splitColumn\": \"id\"}]}").tables().get(0);
        assertEquals(1, plain.chunks());
        assertFalse(plain.isSplit());

        TableConfig auto = parse("{\"defaults\": {\"chunks\": \"auto\"}, \"tables\": [{\"name\": \"t\", "
                + "\"splitColumn\": \"id\"}]}").tables().get(0);
        assertEquals(0, auto.chunks());
        assertTrue(auto.isSplit());
    }

    @Test
    void parse_whenPrimaryKeyIsComposite_keepsOrder() {
        TableConfig t = parse("{\"tables\": [{\"name\": \"t\", \"primaryKey\": [\"order_id\", \"line_no\"]}]}")
                .tables().get(0);
        assertEquals(List.of("order_id", "line_no"), t.primaryKey());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM t;|SELECT * FROM t",
            "SELECT * FROM t ;  \\n|SELECT * FROM t",
            "SELECT * FROM t -- all of it|SELECT * FROM t",
            "SELECT * FROM t; # done|SELECT * FROM t",
            "SELECT * FROM t WHERE a = ';' /* x; y */|SELECT * FROM t WHERE a = ';'",
            "  WITH x AS (SELECT 1 AS a) SELECT a FROM x|WITH x AS (SELECT 1 AS a) SELECT a FROM x",
            "(SELECT 1)|(SELECT 1)",
            "SELECT `into`, 'it''s; fine', \"a\\\"; b\" FROM t|SELECT `into`, 'it''s; fine', \"a\\\"; b\" FROM t",
    })
    void parse_whenQueryEndsWithSemicolonOrComment_storesItTrimmed(String query, String stored) {
        String json = "{\"tables\": [{\"name\": \"t\", \"query\": " + jsonString(query.replace("\\n", "\n")) + "}]}";
        assertEquals(stored, parse(json).tables().get(0).query());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1H", "P1D", "pt10m", "PT0S"})
    void parse_whenLookbackIsDuration_keepsIt(String lookback) {
        assertEquals(lookback, incremental("\"lookback\": \"" + lookback + "\"").lookback());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1000,1000", "0.5,0.5", "1e3,1000"})
    void parse_whenLookbackIsNumber_keepsItAsPlainText(String lookback, String stored) {
        assertEquals(stored, incremental("\"lookback\": " + lookback).lookback());
    }

    @Test
    void parse_whenLakeNameIsGiven_usesIt() {
        TableConfig t = parse("{\"tables\": [{\"name\": \"Order Details\", \"lakeName\": \"order_lines\"}]}")
                .tables().get(0);
        assertEquals("order_lines", t.lakeName());
    }

    @Test
    void parse_whenLatestViewPeriodIsNull_meansOneView() {
        TableConfig t = parse("{\"tables\": [{\"name\": \"t\", \"primaryKey\": \"id\", \"latestView\": true, "
                + "\"latestViewPeriod\": null}]}").tables().get(0);
        assertNull(t.latestViewPeriod());
    }

    @Test
    void load_readsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tables.json");
        Files.writeString(file, FULL_SHAPE);
        assertEquals(4, ConfigLoader.load(file).tables().size());
    }

    @Test
    void load_whenFileIsMissing_namesPathAndSaysToCheckIt(@TempDir Path dir) {
        Path file = dir.resolve("nope.json");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("check the path"), e.getMessage());
    }

    @Test
    void fromClasspath_whenResourceIsMissing_saysHowToProvideIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromClasspath("classpath:nope.json"));
        assertTrue(e.getMessage().contains("classpath:nope.json"), e.getMessage());
        assertTrue(e.getMessage().contains("LAKEFAN_CONFIG"), e.getMessage());
    }

    @Test
    void fromClasspath_readsPackagedConfig() {
        assertFalse(ConfigLoader.fromClasspath("table_name_list.json").tables().isEmpty());
        assertFalse(ConfigLoader.fromClasspath("classpath:table_name_list.json").tables().isEmpty());
    }

    // ---- document-level errors ------------------------------------------------------------------------

    @Test
    void parse_whenNotJson_givesLineAndColumn() {
        ConfigException e = fails("{\n  \"tables\": [\n    {\"name\": \"a\",}\n  ]\n}");
        assertProblem(e, "not valid JSON", "line 3", "column");
        assertTrue(e.getMessage().contains("test.json"), "names the source: " + e.getMessage());
    }

    @Test
    void parse_whenTextFollowsTheJson_isNotJson() {
        assertProblem(fails("{\"tables\": [{\"name\": \"a\"}]} {}"), "not valid JSON", "line 1");
    }

    @Test
    void parse_whenKeyIsRepeatedInAnObject_isNotJson() {
        assertProblem(fails("{\"tables\": [{\"name\": \"a\",\n \"name\": \"b\"}]}"), "not valid JSON", "line 2", "name");
    }

    @Test
    void parse_whenEmpty_namesTheAcceptedShapes() {
        assertProblem(fails("   "), "is empty", "\"tables\"", "table_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"orders\"", "42", "null", "true"})
    void parse_whenTopLevelIsNeitherObjectNorArray_namesTheAcceptedShapes(String json) {
        assertProblem(fails(json), "top level", "\"tables\"", "table_name");
    }

    @Test
    void parse_whenTablesIsMissing_saysToAddIt() {
        assertProblem(fails("{\"defaults\": {}}"), "'tables' is missing");
    }

    @Test
    void parse_whenTablesIsNotAnArray_saysSo() {
        assertProblem(fails("{\"tables\": {\"name\": \"a\"}}"), "'tables' must be an array");
    }

    @Test
    void parse_whenTableListIsEmpty_saysToListOne() {
        assertProblem(fails("{\"tables\": []}"), "'tables' is empty", "at least one table");
        assertProblem(fails("[]"), "is empty", "at least one table");
    }

    @Test
    void parse_whenTableEntryIsNotAnObject_namesIndex() {
        assertProblem(fails("{\"tables\": [{\"name\": \"a\"}, \"orders\"]}"), "tables[1]", "must be an object");
        assertProblem(fails("[\"orders\"]"), "[0]", "table_name");
    }

    @Test
    void parse_whenTopLevelKeyIsUnknown_suggestsClosest() {
        assertProblem(fails("{\"tabels\": [{\"name\": \"a\"}]}"), "top level", "'tabels'", "did you mean 'tables'?");
        assertProblem(fails("{\"default\": {}, \"tables\": [{\"name\": \"a\"}]}"), "did you mean 'defaults'?");
    }

    @Test
    void parse_whenDefaultsIsNotAnObject_saysSo() {
        assertProblem(fails("{\"defaults\": [], \"tables\": [{\"name\": \"a\"}]}"), "defaults", "must be an object");
    }

    // ---- keys -----------------------------------------------------------------------------------------

    @Test
    void parse_whenTableKeyIsMistyped_namesTableAndSuggestsClosestKey() {
        ConfigException e = fails(tables("{\"name\": \"a\"}, {\"name\": \"orders\", \"mode\": \"incremental\", "
                + "\"watermak\": \"updated_at\"}"));
        assertProblem(e, "tables[1] \"orders\"", "'watermak'", "did you mean 'watermark'?");
    }

    @ParameterizedTest
    @CsvSource({"primary_key,primaryKey", "LatestView,latestView", "max_rows_per_file,maxRowsPerFile",
            "table_name,name", "sql,query", "split_column,splitColumn"})
    void parse_whenTableKeyIsInAnotherStyle_suggestsKnownKey(String typed, String known) {
        assertProblem(fails(tables("{\"name\": \"t\", \"" + typed + "\": \"x\"}")), "tables[0]", "'" + typed + "'",
                "'" + known + "'");
    }

    @Test
    void parse_whenUnknownKeyIsNotClose_listsKnownKeys() {
        assertProblem(fails(tables("{\"name\": \"t\", \"owner\": \"x\"}")), "unknown key 'owner'", "known keys:", "watermark");
    }

    @Test
    void parse_whenDefaultsHasUnknownKey_suggestsClosest() {
        assertProblem(fails("{\"defaults\": {\"validte\": true}, \"tables\": [{\"name\": \"a\"}]}"),
                "defaults", "'validte'", "did you mean 'validate'?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "query", "watermark", "primaryKey", "splitColumn", "lakeName"})
    void parse_whenDefaultsSetsAPerTableKey_saysToSetItOnEachTable(String key) {
        assertProblem(fails("{\"defaults\": {\"" + key + "\": \"x\"}, \"tables\": [{\"name\": \"a\"}]}"),
                "defaults", "'" + key + "'", "on each table");
    }

    @Test
    void parse_whenBareArrayEntryUsesObjectFormKeys_pointsToObjectForm() {
        ConfigException e = fails("[{\"table_name\": \"orders\", \"mode\": \"incremental\"}, {\"name\": \"x\"}]");
        assertProblem(e, "[0] \"orders\"", "'mode'", "object form");
        assertProblem(e, "[1]", "'name'", "did you mean 'table_name'?");
        assertProblem(e, "[1]", "'table_name' is missing");
    }

    // ---- names ----------------------------------------------------------------------------------------

    @Test
    void parse_whenNameIsMissing_namesIndexAndKey() {
        assertProblem(fails(tables("{\"name\": \"a\"}, {\"primaryKey\": \"id\"}")), "tables[1]", "'name' is missing");
    }

    @Test
    void parse_whenNameIsMissing_stillReportsTheTablesOtherProblems() {
        ConfigException e = fails(tables("{\"validate\": \"yes\", \"maxRowsPerFile\": 0, \"timestampPrecision\": 1}"));
        assertProblem(e, "tables[0]", "'name' is missing");
        assertProblem(e, "tables[0]", "'validate'");
        assertProblem(e, "tables[0]", "'maxRowsPerFile'");
        assertProblem(e, "tables[0]", "'timestampPrecision'");
        assertEquals(4, e.problems().size(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "5", "[\"a\"]"})
    void parse_whenNameIsBlankOrNotAString_namesIndexAndKey(String name) {
        assertProblem(fails(tables("{\"name\": " + name + "}")), "tables[0]", "'name'");
    }

    @Test
    void parse_whenNameRepeats_namesBothTables() {
        ConfigException e = fails(tables("{\"name\": \"orders\"}, {\"name\": \"x\"}, {\"name\": \"orders\"}"));
        assertProblem(e, "tables[0] \"orders\"", "tables[2] \"orders\"", "'name'", "once");
    }

    @Test
    void parse_whenLakeNamesCollide_namesBothTables() {
        ConfigException e = fails(tables("{\"name\": \"Order Details\"}, {\"name\": \"order_details\"}"));
        assertProblem(e, "tables[0] \"Order Details\"", "tables[1] \"order_details\"", "\"order_details\"", "lakeName");
        ConfigException bare = fails("[{\"table_name\": \"Order-Details\"}, {\"table_name\": \"order_details\"}]");
        assertProblem(bare, "[0] \"Order-Details\"", "[1] \"order_details\"", "'table_name'");
    }

    @Test
    void parse_whenLakeNameResolvesCollision_accepts() {
        assertEquals(2, parse(tables("{\"name\": \"Order Details\", \"lakeName\": \"order_details_v1\"}, "
                + "{\"name\": \"order_details\"}")).tables().size());
    }

    @Test
    void parse_whenLatestViewNameIsAnotherTable_namesBoth() {
        ConfigException e = fails(tables("{\"name\": \"orders_latest\"}, "
                + "{\"name\": \"orders\", \"primaryKey\": \"id\", \"latestView\": true}"));
        assertProblem(e, "tables[1] \"orders\"", "tables[0] \"orders_latest\"", "'latestView'", "orders_latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "2024_orders", "orders-x", ""})
    void parse_whenLakeNameIsNotLakeSafe_namesTableAndKey(String lakeName) {
        assertProblem(fails(tables("{\"name\": \"orders\", \"lakeName\": \"" + lakeName + "\"}")),
                "tables[0] \"orders\"", "'lakeName'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name|\"ord`ers\"|backtick",
            "name|\"orders\\u0000\"|control",
            "name|\"orders \"|space",
            "name|\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"|at most 64",
            "watermark|\"\"|empty",
            "watermark|\"updated`at\"|backtick",
            "watermark|7|must be a string",
            "primaryKey|[\"id\", \"\"]|empty",
            "primaryKey|[\"id\", 3]|must be a string",
            "primaryKey|[\"id\", \"ID\"]|twice",
            "primaryKey|{\"id\": 1}|array of column names",
            "splitColumn|\"a\\tb\"|control",
            "splitColumn|\"\"|empty",
    })
    void parse_whenIdentifierIsBad_namesTableKeyAndReason(String key, String value, String reason) {
        String base = "\"name\": \"t\", \"mode\": \"incremental\", \"watermark\": \"w\", \"primaryKey\": \"id\", "
                + "\"splitColumn\": \"id\"";
        String table = "{" + base.replaceAll("\"" + key + "\": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"" + key + "\": " + value)) + "}";
        ConfigException e = fails(tables(table));
        assertProblem(e, "tables[0]", "'" + key + "'", reason);
    }

    // ---- mode, watermark, lookback ------------------------------------------------------------------

    @Test
    void parse_whenModeIsUnknown_listsModes() {
        assertProblem(fails(tables("{\"name\": \"t\", \"mode\": \"delta\"}")), "tables[0] \"t\"", "'mode'",
                "\"full\", \"incremental\"", "\"delta\"");
    }

    @Test
    void parse_whenIncrementalHasNoWatermark_namesTableAndKey() {
        ConfigException e = fails(tables("{\"name\": \"a\"}, {\"name\": \"orders\", \"mode\": \"incremental\"}"));
        assertProblem(e, "tables[1] \"orders\"", "'watermark' is missing", "incremental");
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void parse_whenDefaultModeIsIncremental_reportsEveryTableWithoutWatermark() {
        ConfigException e = fails("{\"defaults\": {\"mode\": \"incremental\"}, \"tables\": [{\"name\": \"a\"}, "
                + "{\"name\": \"b\", \"watermark\": \"w\"}, {\"name\": \"c\"}]}");
        assertProblem(e, "tables[0] \"a\"", "'watermark'", "from defaults");
        assertProblem(e, "tables[2] \"c\"", "'watermark'");
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void parse_whenFullTableHasWatermark_namesTableAndKey() {
        assertProblem(fails(tables("{\"name\": \"t\", \"watermark\": \"updated_at\"}")), "tables[0] \"t\"",
                "'watermark'", "mode is full", "\"mode\": \"incremental\"");
    }

    @Test
    void parse_whenFullTableHasLookback_namesTableAndKey() {
        assertProblem(fails(tables("{\"name\": \"t\", \"lookback\": \"PT1H\"}")), "tables[0] \"t\"", "'lookback'",
                "mode is full");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"10 minutes\"", "\"P1M\"", "-5", "\"-PT1H\"", "true", "\"600\"", "\"\"", "[1]"})
    void parse_whenLookbackIsMalformed_namesTableAndKey(String lookback) {
        ConfigException e = fails(tables(incrementalTable("\"lookback\": " + lookback)));
        assertProblem(e, "tables[0] \"t\"", "'lookback'");
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void parse_whenLookbackIsQuotedNumber_saysToDropQuotes() {
        assertProblem(fails(tables(incrementalTable("\"lookback\": \"600\""))), "'lookback'", "without quotes");
    }

    // ---- types and ranges -------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "validate|\"yes\"|true or false",
            "latestView|1|true or false",
            "booleans|\"false\"|true or false",
            "maxRowsPerFile|\"100\"|whole number",
            "maxRowsPerFile|1.5|whole number",
            "maxRowsPerFile|0|at least 1",
            "maxRowsPerFile|-10|at least 1",
            "maxBytesPerFile|1000|at least 1048576",
            "maxBytesPerFile|0|at least 1048576",
            "rowsPerChunk|0|at least 1",
            "rowsPerChunk|true|whole number",
            "timestampPrecision|\"nanos\"|\"auto\", \"millis\", \"micros\"",
            "query|42|non-empty string",
    })
    void parse_whenValueHasWrongTypeOrRange_namesTableAndKey(String key, String value, String reason) {
        ConfigException e = fails(tables("{\"name\": \"a\"}, {\"name\": \"t\", \"" + key + "\": " + value + "}"));
        assertProblem(e, "tables[1] \"t\"", "'" + key + "'", reason);
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void parse_whenDefaultsValueIsWrong_namesDefaultsAndKey() {
        ConfigException e = fails("{\"defaults\": {\"validate\": \"yes\", \"maxBytesPerFile\": 10}, "
                + "\"tables\": [{\"name\": \"a\"}]}");
        assertProblem(e, "defaults", "'validate'", "true or false");
        assertProblem(e, "defaults", "'maxBytesPerFile'", "1048576");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "\"many\"", "2.5", "true", "\"\""})
    void parse_whenChunksIsInvalid_namesTableAndKey(String chunks) {
        ConfigException e = fails(tables("{\"name\": \"t\", \"splitColumn\": \"id\", \"chunks\": " + chunks + "}"));
        assertProblem(e, "tables[0] \"t\"", "'chunks'", "\"auto\"");
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void parse_whenChunksHasNoSplitColumn_namesTableAndKey() {
        assertProblem(fails(tables("{\"name\": \"t\", \"chunks\": 4}")), "tables[0] \"t\"", "'chunks'",
                "'splitColumn'");
    }

    // ---- latest views -----------------------------------------------------------------------------

    @Test
    void parse_whenLatestViewHasNoPrimaryKey_namesTableAndKey() {
        assertProblem(fails(tables("{\"name\": \"t\", \"latestView\": true}")), "tables[0] \"t\"", "'latestView'",
                "'primaryKey'");
        assertProblem(fails(tables("{\"name\": \"t\", \"latestView\": true, \"primaryKey\": []}")), "'primaryKey'");
    }

    @Test
    void parse_whenLatestViewComesFromDefaults_saysSo() {
        assertProblem(fails("{\"defaults\": {\"latestView\": true}, \"tables\": [{\"name\": \"t\"}]}"),
                "tables[0] \"t\"", "'latestView'", "from defaults", "\"latestView\": false");
    }

    @Test
    void parse_whenLatestViewPeriodWithoutLatestView_namesTableAndKey() {
        assertProblem(fails(tables("{\"name\": \"t\", \"latestViewPeriod\": \"month\"}")), "tables[0] \"t\"",
                "'latestViewPeriod'", "'latestView' is off");
    }

    @Test
    void parse_whenLatestViewPeriodIsUnknown_listsPeriods() {
        assertProblem(fails(tables("{\"name\": \"t\", \"primaryKey\": \"id\", \"latestView\": true, "
                + "\"latestViewPeriod\": \"week\"}")), "tables[0] \"t\"", "'latestViewPeriod'", "\"quarter\"");
    }

    // ---- queries ----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DELETE FROM orders|SELECT",
            "SELECT 1; DROP TABLE orders|more than one statement",
            "SELECT 1;; |more than one statement",
            "SELECT 1; -- x\\nSELECT 2|more than one statement",
            "'   '|non-empty string",
            "-- only a comment|is empty",
            ";|is empty",
            "SELECT * FROM t INTO OUTFILE '/tmp/x'|INTO",
            "SELECT 'open|unterminated",
            "SELECT 1 /* open|unterminated",
            "SHOW TABLES|SELECT",
            "/*!40101 SET x=1 */|SELECT",
    })
    void parse_whenQueryIsNotOneSelect_namesTableAndKey(String query, String reason) {
        String json = tables("{\"name\": \"t\", \"query\": " + jsonString(query.replace("\\n", "\n")) + "}");
        ConfigException e = fails(json);
        assertProblem(e, "tables[0] \"t\"", "'query'", reason);
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void parse_whenBareArrayQueryIsBad_namesEntryAndKey() {
        assertProblem(fails("[{\"table_name\": \"t\", \"query\": \"UPDATE t SET a = 1\"}]"), "[0] \"t\"", "'query'");
    }

    // ---- all at once ------------------------------------------------------------------------------

    @Test
    void parse_whenManyThingsAreWrong_reportsEveryProblemInOneException() {
        ConfigException e = fails("""
                {"defaults": {"validate": "yes", "watermark": "x"},
                 "tables": [
                   {"name": "orders", "mode": "incremental"},
                   {"name": "orders"},
                   {"primaryKey": "id"},
                   {"name": "events", "chunks": 0, "latestView": true},
                   {"name": "t`x", "query": "SELECT 1; SELECT 2", "lookback": "PT1H"},
                   {"name": "Events"},
                   {"name": "big", "maxBytesPerFile": 1, "colour": "blue"}
                 ]}
                """);
        List<String> expected = List.of(
                "defaults: 'validate'",                            // wrong type
                "defaults: 'watermark' cannot be a default",        // per-table key in defaults
                "tables[0] \"orders\": 'watermark' is missing",    // incremental without watermark
                "tables[0] \"orders\" and tables[1] \"orders\"",   // duplicate
                "tables[2]: 'name' is missing",
                "tables[3] \"events\": 'chunks' must be",          // chunks < 1
                "tables[3] \"events\": 'chunks' needs 'splitColumn'",
                "tables[3] \"events\": 'latestView' is on",       // no primary key
                "tables[4] \"t`x\": 'name' must not contain a backtick",
                "tables[4] \"t`x\": 'query' holds more than one statement",
                "tables[4] \"t`x\": 'lookback' is set but mode is full",
                "tables[3] \"events\" and tables[5] \"Events\"",   // lake name collision
                "tables[6] \"big\": unknown key 'colour'",
                "tables[6] \"big\": 'maxBytesPerFile' must be at least");
        for (String fragment : expected) assertProblem(e, fragment);
        assertEquals(expected.size(), e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid lakefan config test.json (14 problems)"), e.getMessage());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static LakefanConfig parse(String json) {
        return ConfigLoader.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static ConfigException fails(String json) {
        return assertThrows(ConfigException.class, () -> parse(json));
    }

    private static String tables(String entries) {
        return "{\"tables\": [" + entries + "]}";
    }

    private static String incrementalTable(String extra) {
        return "{\"name\": \"t\", \"mode\": \"incremental\", \"watermark\": \"updated_at\", " + extra + "}";
    }

    private static TableConfig incremental(String extra) {
        return parse(tables(incrementalTable(extra))).tables().get(0);
    }

    private static String jsonString(String text) {
        return new com.fasterxml.jackson.databind.node.TextNode(text).toString();
    }

    /** Some single problem contains every fragment. */
    private static void assertProblem(ConfigException e, String... fragments) {
        for (String problem : e.problems()) {
            if (Arrays.stream(fragments).allMatch(problem::contains)) return;
        }
        fail("no problem contains all of " + Arrays.toString(fragments) + " in:\n" + e.getMessage());
    }
}
