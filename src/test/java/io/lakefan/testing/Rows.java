package io.lakefan.testing;


import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Rows as {@code a|b|c} text, from MariaDB and from DuckDB over the lake, for exact comparison. */
public final class Rows {
    private Rows() {
    }

    public static List<String> source(String database, String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.get().connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
                out.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static List<String> lake(String sql) {
        try (DuckDb duck = DuckDb.open()) {
            List<String> out = new ArrayList<>();
            for (List<Object> r : duck.rows(sql)) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < r.size(); i++) row.append(i > 0 ? "|" : "").append(r.get(i));
                out.add(row.toString());
            }
            return out;
        }
    }

    public static long count(String sql) {
        try (DuckDb duck = DuckDb.open()) {
            return duck.count(sql);
        }
    }
}
