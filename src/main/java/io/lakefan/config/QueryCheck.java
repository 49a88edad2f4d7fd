package io.lakefan.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a configured query is one SELECT (or WITH ... SELECT) statement, and trims what would break
 * when the extractor wraps it in a subquery: a final {@code ;} and trailing comments. Literals, quoted names
 * and comments are skipped, so a {@code ;} or a keyword inside them is not mistaken for code.
 */
final class QueryCheck {
    private static final Pattern FIRST_WORD = Pattern.compile("^[\\s(]*([A-Za-z_]+)");
    private static final Pattern INTO = Pattern.compile("(?i)\\binto\\b");

    /** The query to store, or the problem (one of the two is null). */
    record Result(String sql, String problem) {
    }

    private QueryCheck() {
    }

    static Result check(String sql) {
        StringBuilder code = new StringBuilder(sql.length()); // the query with literals and comments blanked
        int codeEnd = 0; // end of the last code character, in sql
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = closingQuote(sql, i, c);
                if (end < 0) return problem("has an unterminated " + (c == '`' ? "quoted name" : "string") + "; close it");
                code.append(' ');
                codeEnd = end;
            } else if (c == '/' && next == '*' && (i + 2 >= n || sql.charAt(i + 2) != '!')) {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) return problem("has an unterminated /* comment; close it with */");
                end = close + 2;
                code.append(' ');
            } else if (c == '#' || (c == '-' && next == '-' && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2))))) {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? n : newline;
                code.append(' ');
            } else {
                // /*! ... */ is code for MySQL: it is kept as is
                end = i + 1;
                code.append(c);
                if (!Character.isWhitespace(c)) codeEnd = end;
            }
            i = end;
        }
        String text = code.toString().strip();
        if (text.isEmpty() || text.equals(";")) return problem("is empty; write a SELECT statement or leave 'query' out");
        String stored = sql.substring(0, codeEnd).strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
            stored = stored.substring(0, stored.length() - 1).strip();
        }
        if (text.indexOf(';') >= 0) {
            return problem("holds more than one statement; keep a single SELECT (lakefan runs it as a subquery)");
        }
        Matcher first = FIRST_WORD.matcher(text);
        String word = first.find() ? first.group(1).toUpperCase(Locale.ROOT) : "";
        if (!word.equals("SELECT") && !word.equals("WITH")) {
            return problem("must be a SELECT (or WITH ... SELECT) statement, got one starting with '"
                    + (word.isEmpty() ? text.substring(0, Math.min(10, text.length())) : word) + "'");
        }
        if (INTO.matcher(text).find()) {
            return problem("must return its rows: remove the INTO clause (SELECT ... INTO writes rows elsewhere)");
        }
        return new Result(stored, null);
    }

    /** Index just past the quote closing the one at {@code start}, or -1. Doubled quotes and backslashes escape. */
    private static int closingQuote(String sql, int start, char quote) {
        for (int i = start + 1; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static Result problem(String message) {
        return new Result(null, message);
    }
}
