package io.lakefan.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the handler's input into a {@link LakefanEvent} and writes events for self-invocation. */
public final class EventCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Set<String> KNOWN = Set.of("action", "runId", "tables", "table", "chunk", "position",
            "waiting", "hop");

    /** Named in every message about an event of the wrong shape. */
    static final String SHAPES = "accepted events: an EventBridge Scheduled Event, {\"action\":\"dispatch\"[,"
            + "\"tables\":[...]]}, {\"action\":\"extract\",\"table\":\"NAME\"[,\"runId\":\"...\"]},"
            + " {\"action\":\"finalize\",\"runId\":\"...\"}";

    private EventCodec() {
    }

    /** Parses an event; any other shape is an {@link EventException} naming the accepted shapes. */
    public static LakefanEvent parse(byte[] json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new EventException("the event is not JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()) + "); " + SHAPES);
        }
        if (node == null || !node.isObject()) {
            throw new EventException("the event must be a JSON object, got: " + abbreviate(node) + "; " + SHAPES);
        }
        if ("Scheduled Event".equals(node.path("detail-type").asText(null))) {
            return scheduled(node);
        }
        JsonNode action = node.get("action");
        if (action == null || !action.isTextual()) {
            throw new EventException("the event has no \"action\" and is not an EventBridge Scheduled Event: "
                    + abbreviate(node) + "; " + SHAPES);
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!KNOWN.contains(f)) unknown.add(f);
        });
        if (!unknown.isEmpty()) throw new EventException("unknown key(s) " + unknown + " in event " + abbreviate(node));
        int hop = node.path("hop").asInt(0);
        switch (action.asText()) {
            case "dispatch":
                return new DispatchEvent(text(node, "runId", false), stringList(node.get("tables")), hop);
            case "extract":
                return new ExtractEvent(text(node, "runId", false), text(node, "table", true),
                        node.path("chunk").asInt(-1), stringMap(node.get("position"), "position"), hop);
            case "finalize":
                return new FinalizeEvent(text(node, "runId", true), stringMap(node.get("waiting"), "waiting"), hop);
            default:
                throw new EventException("unknown action \"" + action.asText() + "\"; " + SHAPES);
        }
    }

    /** The JSON form of an event, as sent to the function. */
    public static byte[] write(LakefanEvent event) {
        ObjectNode n = JSON.createObjectNode();
        if (event instanceof DispatchEvent d) {
            n.put("action", "dispatch");
            if (d.runId() != null) n.put("runId", d.runId());
            if (!d.tables().isEmpty()) d.tables().forEach(n.putArray("tables")::add);
        } else if (event instanceof ExtractEvent e) {
            n.put("action", "extract");
            if (e.runId() != null) n.put("runId", e.runId());
            n.put("table", e.table());
            if (e.chunk() >= 0) n.put("chunk", e.chunk());
            if (!e.position().isEmpty()) e.position().forEach(n.putObject("position")::put);
        } else if (event instanceof FinalizeEvent f) {
            n.put("action", "finalize");
            n.put("runId", f.runId());
            if (!f.waiting().isEmpty()) f.waiting().forEach(n.putObject("waiting")::put);
        }
        if (event.hop() > 0) n.put("hop", event.hop());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A scheduled run's id comes from the EventBridge event's time and id, so a duplicate delivery of the
     * same event is the same run: {@code 20261122T001500Z-1a2b3c4d}.
     */
    static DispatchEvent scheduled(JsonNode node) {
        String time = node.path("time").asText("");
        String id = node.path("id").asText("");
        if (time.isEmpty() || id.isEmpty()) {
            throw new EventException("a Scheduled Event needs \"time\" and \"id\": " + abbreviate(node));
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new EventException("the Scheduled Event's \"time\" is not ISO-8601: " + time);
        }
        String shortId = id.replaceAll("[^A-Za-z0-9]", "");
        shortId = shortId.substring(0, Math.min(8, shortId.length()));
        return new DispatchEvent(RUN_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC)) + "-" + shortId, List.of(), 0);
    }

    private static String text(JsonNode node, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) throw new EventException("the event is missing \"" + key + "\": " + abbreviate(node));
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new EventException("\"" + key + "\" must be a non-empty string in " + abbreviate(node));
        }
        return v.asText();
    }

    private static List<String> stringList(JsonNode v) {
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw new EventException("\"tables\" must be an array of table names, got " + v);
        List<String> out = new ArrayList<>();
        for (JsonNode t : v) {
            if (!t.isTextual()) throw new EventException("\"tables\" must be an array of table names, got " + v);
            out.add(t.asText());
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode v, String key) {
        if (v == null || v.isNull()) return Map.of();
        if (!v.isObject()) throw new EventException("\"" + key + "\" must be an object of strings, got " + v);
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static String abbreviate(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
