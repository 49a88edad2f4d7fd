package io.lakefan.config;

/** Turns source names into names Athena and Glue accept, and quotes SQL identifiers. */
public final class Names {
    private Names() {
    }

    /**
     * Lower case; every character outside {@code [a-z0-9_]} becomes {@code _}; a leading digit gets a
     * {@code _} in front ({@code Order ID} becomes {@code order_id}, {@code 2fa} becomes {@code _2fa}).
     */
    public static String lake(String source) {
        StringBuilder b = new StringBuilder(source.length() + 1);
        for (char c : source.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        if (b.length() == 0 || Character.isDigit(b.charAt(0))) b.insert(0, '_');
        return b.toString();
    }

    /** A MySQL identifier in backticks, with backticks inside doubled. */
    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
