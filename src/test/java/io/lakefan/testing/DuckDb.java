package io.lakefan.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB in memory: the independent reader of the Parquet lakefan writes. A new statement per query. */
public final class DuckDb implements AutoCloseable {
    private final Connection connection;

    private DuckDb(Connection connection) {
        this.connection = connection;
    }

    public static DuckDb open() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            return new DuckDb(DriverManager.getConnection("jdbc:duckdb:"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** All rows of a query, each as a list of JDBC objects. */
    public List<List<Object>> rows(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(md.getColumnCount());
                for (int i = 1; i <= md.getColumnCount(); i++) row.add(rs.getObject(i));
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The single value of a one-row, one-column query. */
    public Object value(String sql) {
        List<List<Object>> rows = rows(sql);
        if (rows.size() != 1) throw new IllegalStateException("expected one row, got " + rows.size() + " for " + sql);
        return rows.get(0).get(0);
    }

    public long count(String sql) {
        return ((Number) value(sql)).longValue();
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing to do
        }
    }
}
