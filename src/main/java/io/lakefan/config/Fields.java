package io.lakefan.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed values from one JSON object of the config. A bad value is recorded as a problem that names
 * the object and the key, and reads as null, so that reading goes on and every problem is reported at once.
 * An absent key and an explicit JSON {@code null} both read as null without a problem.
 */
final class Fields {
    private static final List<String> PERIODS = List.of("month", "quarter", "year");

    private final JsonNode object;
    private final String where;
    private final List<String> problems;

    Fields(JsonNode object, String where, List<String> problems) {
        this.object = object;
        this.where = where;
        this.problems = problems;
    }

    /** Whether the key is present with a non-null value. */
    boolean has(String key) {
        JsonNode value = object.get(key);
        return value != null && !value.isNull();
    }

    /** Records a problem with this key; {@code message} says what is wrong and what to do. */
    void problem(String key, String message) {
        problems.add(where + ": '" + key + "' " + message);
    }

    /** Records a problem about the object as a whole. */
    void problem(String message) {
        problems.add(where + ": " + message);
    }

    /**
     * Records a problem for every key outside {@code known}: the message {@code misplaced} has for the key
     * (a key that belongs elsewhere), else "unknown key" with the closest known key.
     */
    void unknownKeys(Collection<String> known, Map<String, String> misplaced) {
        object.fieldNames().forEachRemaining(key -> {
            if (known.contains(key)) return;
            String message = misplaced.get(key);
            if (message == null) {
                String closest = KeyHints.closest(key, known);
                message = "unknown key '" + key + "'; " + (closest != null ? "did you mean '" + closest + "'?"
                        : "known keys: " + String.join(", ", known));
            }
            problem(message);
        });
    }

    Boolean bool(String key) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        if (value.isBoolean()) return value.booleanValue();
        problem(key, "must be true or false, got " + show(value));
        return null;
    }

    /** A positive whole number of at least {@code min}; {@code what} explains the value for the message. */
    Long atLeast(String key, long min, String what) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        Long number = whole(value);
        if (number == null) {
            problem(key, "must be a whole number (" + what + "), got " + show(value));
        } else if (number < min) {
            problem(key, "must be at least " + min + " (" + what + "), got " + number);
            return null;
        }
        return number;
    }

    /** One of the enum's constants, written in any case. */
    <E extends Enum<E>> E choice(String key, Class<E> type) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            allowed.add('"' + name + '"');
            if (value.isTextual() && value.textValue().trim().equalsIgnoreCase(name)) return constant;
        }
        problem(key, "must be one of " + String.join(", ", allowed) + ", got " + show(value));
        return null;
    }

    /** A table or column name (see {@link Names#identifierProblem}). */
    String identifier(String key) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        if (!value.isTextual()) {
            problem(key, "must be a string (a table or column name), got " + show(value));
            return null;
        }
        String why = Names.identifierProblem(value.textValue());
        if (why != null) {
            problem(key, why + ", got " + show(value));
            return null;
        }
        return value.textValue();
    }

    /** One column name, or an array of them (a composite key); duplicates are a problem. */
    List<String> identifiers(String key) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        if (value.isTextual()) {
            String one = identifier(key);
            return one == null ? null : List.of(one);
        }
        if (!value.isArray()) {
            problem(key, "must be a column name or an array of column names, got " + show(value));
            return null;
        }
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String why = item.isTextual() ? Names.identifierProblem(item.textValue()) : "must be a string (a column name)";
            if (why != null) {
                problem(key, "[" + i + "] " + why + ", got " + show(item));
                ok = false;
            } else if (!seen.add(item.textValue().toLowerCase(Locale.ROOT))) {
                problem(key, "lists column '" + item.textValue() + "' twice; list each key column once");
                ok = false;
            } else {
                columns.add(item.textValue());
            }
        }
        return ok ? columns : null;
    }

    /** A positive chunk count, or {@code "auto"} (read as 0). */
    Integer chunks(String key) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        if (value.isTextual() && value.textValue().trim().equalsIgnoreCase("auto")) return 0;
        Long number = whole(value);
        if (number == null || number < 1 || number > Integer.MAX_VALUE) {
            problem(key, "must be a whole number of at least 1 (1 reads the table in one piece), or \"auto\" "
                    + "(chunks of about 'rowsPerChunk' rows), got " + show(value));
            return null;
        }
        return number.intValue();
    }

    /**
     * A re-read margin: an ISO-8601 duration string for temporal watermarks ({@code "PT10M"}, {@code "P1D"}),
     * or a non-negative number for numeric ones. Only the form is checked: the column type is not known here.
     */
    String lookback(String key) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        String hint = "use an ISO-8601 duration like \"PT10M\" or \"P1D\" for a date/time watermark, "
                + "or a number like 1000 for a numeric one";
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            if (number.signum() >= 0) return number.stripTrailingZeros().toPlainString();
            problem(key, "must not be negative (it widens the window downwards), got " + show(value));
            return null;
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            try {
                Duration duration = Duration.parse(text);
                if (!duration.isNegative()) return text;
                problem(key, "must not be negative (it widens the window downwards), got " + show(value));
                return null;
            } catch (DateTimeParseException e) {
                String extra = text.matches("-?[0-9.]+") ? " (write a number without quotes)"
                        : text.matches("(?i)P.*[YM].*") && !text.matches("(?i)PT.*") ? " (months and years are not "
                        + "fixed lengths: write days, e.g. \"P30D\")" : "";
                problem(key, "is not a duration or number" + extra + ": " + hint + ", got " + show(value));
                return null;
            }
        }
        problem(key, "must be a duration string or a number: " + hint + ", got " + show(value));
        return null;
    }

    /** null, or one of month, quarter, year. */
    String period(String key) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        if (value.isTextual() && PERIODS.contains(value.textValue().trim().toLowerCase(Locale.ROOT))) {
            return value.textValue().trim().toLowerCase(Locale.ROOT);
        }
        problem(key, "must be \"month\", \"quarter\", \"year\" or null (one view over all rows), got " + show(value));
        return null;
    }

    /** A string that is not blank. */
    String text(String key) {
        if (!has(key)) return null;
        JsonNode value = object.get(key);
        if (value.isTextual() && !value.textValue().isBlank()) return value.textValue();
        problem(key, "must be a non-empty string, got " + show(value));
        return null;
    }

    private static Long whole(JsonNode value) {
        if (!value.isNumber()) return null;
        try {
            return value.decimalValue().longValueExact(); // 1e7 is fine, 1.5 is not
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A JSON value as it was written, shortened for a message. */
    static String show(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
