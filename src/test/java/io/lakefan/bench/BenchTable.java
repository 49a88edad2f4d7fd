package io.lakefan.bench;

import io.lakefan.testing.TestDatabase;

/** The benchmark's table: ten columns of the common type families, filled by MariaDB's sequence engine. */
final class BenchTable {
    private BenchTable() {
    }

    static void create(TestDatabase db, String database, String table, long rows) {
        db.exec(database, "DROP TABLE IF EXISTS `" + table + "`",
                "CREATE TABLE `" + table + "` (id BIGINT PRIMARY KEY, qty INT, name VARCHAR(64), amount DECIMAL(12,2),"
                        + " note TEXT, created_at DATETIME(6), updated_at TIMESTAMP(3) NULL, flag TINYINT,"
                        + " attrs JSON, day DATE) ENGINE=InnoDB");
        long batch = 500_000;
        for (long from = 1; from <= rows; from += batch) {
            long to = Math.min(rows, from + batch - 1);
            db.exec(database, "INSERT INTO `" + table + "` SELECT seq, seq % 1000, CONCAT('name-', seq),"
                    + " (seq % 100000) / 100, CONCAT('a note about row ', seq, ' with some more text in it'),"
                    + " TIMESTAMP('2020-01-01') + INTERVAL seq SECOND + INTERVAL (seq % 1000000) MICROSECOND,"
                    + " TIMESTAMP('2021-01-01') + INTERVAL seq SECOND, seq % 2,"
                    + " CONCAT('{\"k\":', seq % 50, ',\"tag\":\"t', seq % 7, '\"}'),"
                    + " DATE('2020-01-01') + INTERVAL (seq % 3650) DAY FROM seq_" + from + "_to_" + to);
        }
    }
}
