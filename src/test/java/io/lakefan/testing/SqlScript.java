package io.lakefan.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a SQL script from the classpath, statement by statement, in one session (so {@code SET SESSION ...}
 * at the top applies to the rest). The format is deliberately simple: a statement ends with a {@code ;} at
 * the end of a line; lines starting with {@code --} between statements are skipped; no DELIMITER blocks.
 * A line inside a string literal must therefore not end with {@code ;}.
 */
public final class SqlScript {
    private SqlScript() {
    }

    /** Runs {@code classpathResource} (e.g. {@code demo/schema.sql}) in {@code database}. */
    public static void run(TestDatabase db, String database, String classpathResource) {
        List<String> statements = statements(read(classpathResource));
        try (Connection c = db.connect(database); Statement s = c.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    s.execute(statements.get(i));
                } catch (SQLException e) {
                    String sql = statements.get(i);
                    throw new IllegalStateException(classpathResource + ": statement " + (i + 1) + " failed ("
                            + e.getMessage() + "): " + sql.substring(0, Math.min(sql.length(), 200)), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to run " + classpathResource + ": " + e.getMessage(), e);
        }
    }

    /** The statements of a script, without their final {@code ;}. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n", -1)) {
            String trimmed = line.strip();
            if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                add(statements, current.toString().strip());
                current.setLength(0);
            }
        }
        add(statements, current.toString().strip());
        return statements;
    }

    private static void add(List<String> statements, String statement) {
        String sql = statement.endsWith(";") ? statement.substring(0, statement.length() - 1).strip() : statement;
        if (!sql.isEmpty()) statements.add(sql);
    }

    private static String read(String classpathResource) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) throw new IllegalArgumentException("no " + classpathResource + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + classpathResource + ": " + e.getMessage(), e);
        }
    }
}
