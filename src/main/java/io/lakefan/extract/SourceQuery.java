package io.lakefan.extract;

import io.lakefan.config.Names;
import io.lakefan.config.TableConfig;
import io.lakefan.run.Window;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that reads a table: the configured query, narrowed to the incremental window and, for a chunk
 * or a continuation, to a key range. A custom query is wrapped as a derived table, never edited;
 * every value is a bound parameter and every identifier is quoted.
 */
public final class SourceQuery {
    private final TableConfig table;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object[]> binds = new ArrayList<>();
    private String orderBy;
    private String select = "*";

    private SourceQuery(TableConfig table) {
        this.table = table;
    }

    public static SourceQuery of(TableConfig table) {
        return new SourceQuery(table);
    }

    /** A copy to add more conditions to. */
    public static SourceQuery of(SourceQuery base) {
        SourceQuery q = new SourceQuery(base.table);
        q.conditions.addAll(base.conditions);
        q.binds.addAll(base.binds);
        q.orderBy = base.orderBy;
        q.select = base.select;
        return q;
    }

    /** {@code wm > low AND wm <= high}; on the first run ({@code low} null) rows with a NULL watermark too. */
    public SourceQuery window(Window w) {
        if (w == null) return this;
        String col = Names.quote(w.column());
        if (w.low() == null) {
            conditions.add("(" + col + " <= ? OR " + col + " IS NULL)");
            binds.add(new Object[]{w.type(), w.high()});
        } else {
            conditions.add(col + " > ? AND " + col + " <= ?");
            binds.add(new Object[]{w.type(), w.low()});
            binds.add(new Object[]{w.type(), w.high()});
        }
        return this;
    }

    /** Adds a condition with its typed values ({@code type}, {@code value} pairs). */
    public SourceQuery where(String condition, List<Object[]> values) {
        conditions.add(condition);
        binds.addAll(values);
        return this;
    }

    public SourceQuery orderBy(String clause) {
        this.orderBy = clause;
        return this;
    }

    /** The FROM part: the table itself, or the custom query as a derived table. */
    public String from() {
        return table.customQuery() ? "(" + table.query() + ") AS `lakefan_src`" : Names.quote(table.name());
    }

    /** The select list (default {@code *}). */
    public SourceQuery select(String list) {
        this.select = list;
        return this;
    }

    public String sql() {
        StringBuilder sql = new StringBuilder(table.customQuery() || !conditions.isEmpty() || orderBy != null
                || !select.equals("*") ? "SELECT " + select + " FROM " + from() : table.query());
        sql.append(whereClause());
        if (orderBy != null) sql.append(" ORDER BY ").append(orderBy);
        return sql.toString();
    }

    /** {@code " WHERE ..."} or empty. */
    public String whereClause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** {@code SELECT MAX(col) ...} over the same source and conditions. */
    public String maxSql(String column) {
        return aggregateSql("MAX(" + Names.quote(column) + ")");
    }

    public String aggregateSql(String expressions) {
        return "SELECT " + expressions + " FROM " + from() + whereClause();
    }

    public void bind(PreparedStatement ps) throws SQLException {
        bind(ps, 1);
    }

    /** Binds the values from parameter {@code first} on; returns the next free index. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object[] b : binds) bindValue(ps, i++, (String) b[0], (String) b[1]);
        return i;
    }

    /** Binds a value stored as text in the lake's records with the JDBC type it came from. */
    public static void bindValue(PreparedStatement ps, int index, String type, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.NULL);
            return;
        }
        switch (type) {
            case "integer", "decimal" -> ps.setBigDecimal(index, new BigDecimal(value));
            case "datetime" -> ps.setObject(index, LocalDateTime.parse(value));
            case "date" -> ps.setObject(index, LocalDate.parse(value));
            default -> ps.setString(index, value);
        }
    }
}
