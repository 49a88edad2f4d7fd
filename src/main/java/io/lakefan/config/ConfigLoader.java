package io.lakefan.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the table list ({@code config/table_name_list.json}). Two shapes are accepted:
 * <pre>
 * {"defaults": {"mode": "full", ...}, "tables": [{"name": "orders", "mode": "incremental", ...}, ...]}
 * [{"table_name": "orders", "query": "SELECT ..."}, ...]     (full-mode tables, built-in defaults)
 * </pre>
 * Every problem is collected and reported in one {@link ConfigException}, so a config is fixed in one
 * round; nothing should run on a config that did not load.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String SHAPES = "expected {\"tables\": [{\"name\": \"<table>\", ...}]} or "
            + "[{\"table_name\": \"<table>\", \"query\": \"SELECT ...\"}]";

    private ConfigLoader() {
    }

    /** Parses a config; {@code sourceName} (a path or URI) only names it in messages. */
    public static LakefanConfig parse(String sourceName, byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(sourceName, List.of("not valid JSON" + where + ": "
                    + e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[")));
        } catch (IOException e) {
            throw new ConfigException(sourceName, List.of("cannot be read: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(sourceName, List.of("is empty; " + SHAPES));
        }
        List<String> problems = new ArrayList<>();
        List<TableConfig> tables = new ArrayList<>();
        if (root.isObject()) {
            new Fields(root, "top level", problems).unknownKeys(List.of("defaults", "tables"),
                    Map.of("table_name", "unknown key 'table_name'; did you mean 'tables'? (or write a bare array of {\"table_name\": ...})"));
            Defaults defaults = root.has("defaults") ? Defaults.read(root.get("defaults"), problems) : Defaults.BUILT_IN;
            JsonNode list = root.get("tables");
            if (list == null || list.isNull()) {
                problems.add("top level: 'tables' is missing; add \"tables\": [{\"name\": \"<table>\"}]");
            } else if (!list.isArray()) {
                problems.add("top level: 'tables' must be an array of tables, got " + Fields.show(list));
            } else {
                readTables(list, "tables", defaults, false, problems, tables);
            }
        } else if (root.isArray()) {
            readTables(root, "", Defaults.BUILT_IN, true, problems, tables);
        } else {
            problems.add("top level: " + SHAPES + ", got " + Fields.show(root));
        }
        if (!problems.isEmpty()) throw new ConfigException(sourceName, problems);
        return new LakefanConfig(tables);
    }

    /** Reads a config file. */
    public static LakefanConfig load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot be read (" + e + "); check the path"));
        }
    }

    /** Reads a config packaged with the code, e.g. {@code table_name_list.json}; a {@code classpath:} prefix is allowed. */
    public static LakefanConfig fromClasspath(String resource) {
        String path = resource.startsWith("classpath:") ? resource.substring("classpath:".length()) : resource;
        path = path.startsWith("/") ? path.substring(1) : path;
        String source = "classpath:" + path;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = ConfigLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new ConfigException(source, List.of("is not on the classpath; package it (config/" + path
                        + " goes into the jar) or point LAKEFAN_CONFIG at s3://bucket/key"));
            }
            return parse(source, in.readAllBytes());
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot be read (" + e + ")"));
        }
    }

    private static void readTables(JsonNode list, String listName, Defaults defaults, boolean bare,
                                   List<String> problems, List<TableConfig> tables) {
        if (list.isEmpty()) {
            problems.add((bare ? "top level" : "top level: 'tables'") + " is empty; list at least one table");
            return;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String label = TableReader.label(listName, i, list.get(i), bare);
            TableConfig table = TableReader.read(list.get(i), label, defaults, bare, problems);
            if (table != null) {
                tables.add(table);
                labels.add(label);
            }
        }
        checkUnique(tables, labels, bare ? "table_name" : "name", problems);
    }

    /** Names must be unique in the source, and lake names (and latest views) unique in the lake. */
    private static void checkUnique(List<TableConfig> tables, List<String> labels, String nameKey, List<String> problems) {
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> byLakeName = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            TableConfig table = tables.get(i);
            Integer sameName = byName.putIfAbsent(table.name(), i);
            if (sameName != null) {
                problems.add(labels.get(sameName) + " and " + labels.get(i) + ": '" + nameKey + "' is the same; "
                        + "list each table once");
                continue;
            }
            if (table.lakeName() == null) continue;
            Integer sameLake = byLakeName.putIfAbsent(table.lakeName(), i);
            if (sameLake != null) {
                problems.add(labels.get(sameLake) + " and " + labels.get(i) + ": '" + nameKey + "' differs but both "
                        + "land in the lake as \"" + table.lakeName() + "\" (lower case, [a-z0-9_]); "
                        + renameHint(nameKey));
            }
        }
        for (int i = 0; i < tables.size(); i++) {
            TableConfig table = tables.get(i);
            if (!table.latestView() || table.lakeName() == null) continue;
            Integer clash = byLakeName.get(table.lakeName() + "_latest");
            if (clash != null) {
                problems.add(labels.get(i) + " and " + labels.get(clash) + ": 'latestView' would create the view \""
                        + table.lakeName() + "_latest\", which is the lake name of the other table; " + renameHint(nameKey));
            }
        }
    }

    private static String renameHint(String nameKey) {
        return nameKey.equals("name") ? "give one of them another \"lakeName\""
                : "drop one, or use the object form {\"tables\": [...]} where \"lakeName\" can rename one";
    }
}
