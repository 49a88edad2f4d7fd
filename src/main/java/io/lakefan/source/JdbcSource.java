package io.lakefan.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Map;
import java.util.Properties;

/**
 * Opens connections to a MySQL or MariaDB source, set up for extraction: session time zone pinned to
 * UTC, zero dates passed through as text (we turn them into counted nulls), results in UTF-8, YEAR
 * reported as a number, read-only. No pool: one connection per unit of work.
 *
 * <p>{@code tinyInt1isBit=true} (with {@code transformedBitIsBoolean=false}) is the only way the driver
 * tells TINYINT(1) apart from TINYINT(4): it then reports TINYINT(1) as BIT while its field keeps the
 * TINYINT type id; values still read as numbers. {@code characterSetResults=UTF-8} makes the server send
 * every string in UTF-8 (the driver's default asks for each column's own charset), so the Parquet writer
 * takes string bytes without decoding them.
 */
public final class JdbcSource {

    /** Driver settings lakefan needs; a user's URL options cannot override them. */
    static final Map<String, String> REQUIRED = Map.of(
            "connectionTimeZone", "UTC",
            "forceConnectionTimeZoneToSession", "true",
            "preserveInstants", "true",
            "zeroDateTimeBehavior", "EXCEPTION",
            "tinyInt1isBit", "true",
            "transformedBitIsBoolean", "false",
            "characterSetResults", "UTF-8",
            "yearIsDateType", "false",
            "useCursorFetch", "false",
            "characterEncoding", "UTF-8");

    private static final Map<String, String> DEFAULTS = Map.of(
            "connectTimeout", "10000",
            "socketTimeout", "0",
            "useCompression", "false",
            "cacheDefaultTimeZone", "false");

    private final CredentialSource credentials;

    private JdbcSource(CredentialSource credentials) {
        this.credentials = credentials;
    }

    public static JdbcSource of(CredentialSource credentials) {
        return new JdbcSource(credentials);
    }

    /** The database named by the credentials' URL, which is the database folder in the lake. */
    public String database() {
        String db = credentials.credentials().database();
        if (db == null) {
            throw new SourceException("the JDBC URL names no database: use jdbc:mysql://host:port/DATABASE");
        }
        return db;
    }

    /** A new read-only connection, or a {@link SourceException} saying why none could be made. */
    public Connection connect() {
        DbCredentials c = credentials.credentials();
        Properties p = new Properties();
        DEFAULTS.forEach(p::setProperty);
        p.putAll(c.properties());
        REQUIRED.forEach(p::setProperty);
        if (c.username() != null) p.setProperty("user", c.username());
        if (c.password() != null) p.setProperty("password", c.password());
        try {
            Connection conn = DriverManager.getConnection(c.jdbcUrl(), p);
            conn.setReadOnly(true);
            return conn;
        } catch (SQLInvalidAuthorizationSpecException e) {
            throw new SourceException("the database refused the login of user '" + c.username() + "' at " + c.jdbcUrl()
                    + ": check the user name and password (" + e.getMessage() + ")", e);
        } catch (SQLException e) {
            if ("28000".equals(e.getSQLState()) || e.getErrorCode() == 1045) {
                throw new SourceException("the database refused the login of user '" + c.username() + "' at "
                        + c.jdbcUrl() + ": check the user name and password (" + e.getMessage() + ")", e);
            }
            if (e.getErrorCode() == 1049) {
                throw new SourceException("the database in " + c.jdbcUrl() + " does not exist: " + e.getMessage(), e);
            }
            throw new SourceException("cannot connect to the source database at " + c.jdbcUrl()
                    + ": check host, port, network access (security groups, VPC) and that the server runs ("
                    + e.getMessage() + ")", e);
        }
    }
}
