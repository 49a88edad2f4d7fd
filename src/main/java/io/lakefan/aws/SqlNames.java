package io.lakefan.aws;

import java.util.regex.Pattern;

/**
 * Identifiers put into Athena SQL and Glue names: lake names only ({@code [a-z0-9_]}, what lakefan makes of every
 * table and column name), so that nothing unchecked is ever concatenated into a statement.
 */
final class SqlNames {
    private static final Pattern LAKE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,254}");

    private SqlNames() {
    }

    /** Returns {@code name} when it is a lake name, else throws naming {@code what}. */
    static String check(String name, String what) {
        if (name == null || !LAKE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " \"" + name + "\" is not a lake name ([a-z_][a-z0-9_]*): "
                    + "lakefan only puts such names into Athena SQL");
        }
        return name;
    }

    /** A double-quoted identifier. */
    static String quote(String name) {
        return "\"" + check(name, "identifier") + "\"";
    }

    /** {@code "database"."table"}. */
    static String table(String database, String table) {
        return quote(database) + "." + quote(table);
    }
}
