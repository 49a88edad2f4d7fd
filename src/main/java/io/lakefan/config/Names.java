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

    /** MySQL's limit on the length of a table or column name. */
    public static final int MAX_IDENTIFIER_LENGTH = 64;

    /**
     * Why {@code identifier} cannot be a table or column name here, or null when it can. Allowed: 1 to 64
     * characters, no backtick, no control character, no trailing space, no character beyond U+FFFF (MySQL
     * refuses those). Backticks are refused although {@link #quote} could escape them: in a config they are
     * nearly always a copy-paste of already quoted SQL.
     */
    public static String identifierProblem(String identifier) {
        if (identifier == null || identifier.isEmpty()) return "must not be empty";
        if (identifier.isBlank()) return "must not be blank";
        int length = identifier.codePointCount(0, identifier.length());
        if (length > MAX_IDENTIFIER_LENGTH) {
            return "is " + length + " characters long; MySQL allows at most " + MAX_IDENTIFIER_LENGTH;
        }
        if (identifier.indexOf('`') >= 0) return "must not contain a backtick (write the bare name, lakefan quotes it)";
        if (identifier.chars().anyMatch(Character::isISOControl)) return "must not contain control characters";
        if (identifier.endsWith(" ")) return "must not end with a space";
        if (identifier.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            return "must not contain characters beyond U+FFFF such as emoji (MySQL refuses them in names)";
        }
        return null;
    }
}
