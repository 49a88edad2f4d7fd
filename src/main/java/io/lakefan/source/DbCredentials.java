package io.lakefan.source;

import java.util.Map;

/**
 * How to reach the source database: a JDBC URL (without credentials) and the login. {@link #toString()}
 * never shows the password.
 *
 * @param jdbcUrl     {@code jdbc:mysql://host:port/database[?options]}
 * @param username    the login
 * @param password    the password (never logged)
 * @param properties  extra driver properties (for example TLS settings)
 */
public record DbCredentials(String jdbcUrl, String username, String password, Map<String, String> properties) {

    public DbCredentials {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starting with jdbc: is required, got: " + jdbcUrl);
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static DbCredentials of(String jdbcUrl, String username, String password) {
        return new DbCredentials(jdbcUrl, username, password, Map.of());
    }

    /** The database named in the URL's path, or null. */
    public String database() {
        String rest = jdbcUrl.replaceFirst("^jdbc:[a-z]+:(loadbalance:|replication:)?//", "");
        int slash = rest.indexOf('/');
        if (slash < 0) return null;
        String db = rest.substring(slash + 1);
        int q = db.indexOf('?');
        if (q >= 0) db = db.substring(0, q);
        return db.isEmpty() ? null : java.net.URLDecoder.decode(db, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DbCredentials[" + jdbcUrl + ", user=" + username + ", password=***]";
    }
}
