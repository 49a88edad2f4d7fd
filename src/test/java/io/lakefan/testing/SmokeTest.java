package io.lakefan.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void mariadbAndDuckdbStart() throws Exception {
        TestDatabase db = TestDatabase.get();
        String name = db.createDatabase("smoke");
        db.exec(name, "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1),(2)");
        try (var c = db.connect(name); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
        try (DuckDb duck = DuckDb.open()) {
            assertEquals(3L, duck.count("SELECT 3"));
        }
    }
}
