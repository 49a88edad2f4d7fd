package io.lakefan.extract;

import io.lakefan.config.Names;
import io.lakefan.config.TableConfig;
import io.lakefan.run.ChunkPlan;
import io.lakefan.run.KeyColumn;
import io.lakefan.run.Window;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a table's read into units (Sqoop's {@code --split-by}, Spark's {@code partitionColumn}): even ranges
 * between the split column's min and max, or, when the values are skewed, boundaries at the quantiles of the
 * column's distribution. Rows whose split value is NULL get a unit of their own. Also chooses the key order
 * each unit reads in, which is what a continuation resumes after.
 */
final class ChunkPlanner {
    /** A range holding more than this many times its fair share counts as skewed. */
    private static final double SKEW = 1.5;
    private static final int MAX_CHUNKS = 512;

    private ChunkPlanner() {
    }

    static ChunkPlan plan(Connection conn, String runId, TableConfig t, Window w, String stateEtag, Instant at)
            throws SQLException {
        SourceQuery base = SourceQuery.of(t).window(w);
        List<String> keyNames = new ArrayList<>();
        if (t.splitColumn() != null) {
            keyNames.add(t.splitColumn());
            if (!isUnique(conn, t, t.splitColumn())) {
                if (t.primaryKey().isEmpty()) {
                    throw new IllegalArgumentException("splitColumn '" + t.splitColumn() + "' of table " + t.name()
                            + " is not unique (no single-column unique index on it): configure \"primaryKey\" so that "
                            + "a read can resume exactly after a key, or split on a unique column");
                }
                t.primaryKey().stream().filter(k -> !k.equals(t.splitColumn())).forEach(keyNames::add);
            }
        } else {
            keyNames.addAll(t.primaryKey());
        }
        List<KeyColumn> keys = new ArrayList<>();
        boolean splitNullable = false;
        if (!keyNames.isEmpty()) {
            String cols = String.join(", ", keyNames.stream().map(Names::quote).toList());
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + cols + " FROM " + base.from() + " WHERE 1 = 0");
                 ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 0; i < keyNames.size(); i++) {
                    keys.add(new KeyColumn(keyNames.get(i), SqlValues.typeOf(md.getColumnType(i + 1))));
                }
                splitNullable = t.splitColumn() != null && md.isNullable(1) != ResultSetMetaData.columnNoNulls;
            }
        }
        if (!t.isSplit()) {
            return new ChunkPlan(runId, t.lakeName(), w, stateEtag, keys, null, null, List.of(), false, at);
        }
        String type = keys.get(0).type();
        List<String> boundaries = boundaries(conn, t, base, type);
        return new ChunkPlan(runId, t.lakeName(), w, stateEtag, keys, t.splitColumn(), type, boundaries, splitNullable,
                at);
    }

    private static boolean isUnique(Connection conn, TableConfig t, String column) throws SQLException {
        String sql = "SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ? AND NON_UNIQUE = 0 GROUP BY INDEX_NAME"
                + " HAVING COUNT(*) = 1 AND MAX(COLUMN_NAME) = ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, t.name());
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> boundaries(Connection conn, TableConfig t, SourceQuery base, String type)
            throws SQLException {
        String col = Names.quote(t.splitColumn());
        String min;
        String max;
        long count;
        try (PreparedStatement ps = conn.prepareStatement(base.aggregateSql("MIN(" + col + "), MAX(" + col + "), COUNT("
                + col + ")"))) {
            base.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                min = SqlValues.read(rs, 1, type);
                max = SqlValues.read(rs, 2, type);
                count = rs.getLong(3);
            }
        }
        int n = t.chunks() > 0 ? t.chunks() : autoChunks(count, t.rowsPerChunk());
        if (count == 0 || n <= 1 || min.equals(max)) return List.of();
        List<String> even = "string".equals(type) ? List.of() : even(min, max, n, type);
        if (!even.isEmpty() && !skewed(conn, base, col, type, even, count)) return even;
        return quantiles(conn, base, col, type, count, n);
    }

    /** {@code chunks: "auto"}: the rows to read (the window's count) over the rows-per-chunk target. */
    private static int autoChunks(long count, long rowsPerChunk) {
        return (int) Math.max(1, Math.min(MAX_CHUNKS, (count + rowsPerChunk - 1) / rowsPerChunk));
    }

    static List<String> even(String min, String max, int n, String type) {
        List<String> out = new ArrayList<>();
        switch (type) {
            case "integer" -> {
                BigInteger lo = new BigDecimal(min).toBigInteger();
                BigInteger span = new BigDecimal(max).toBigInteger().subtract(lo).add(BigInteger.ONE);
                for (int k = 1; k < n; k++) {
                    out.add(lo.add(span.multiply(BigInteger.valueOf(k)).divide(BigInteger.valueOf(n))).toString());
                }
            }
            case "decimal" -> {
                BigDecimal lo = new BigDecimal(min);
                BigDecimal span = new BigDecimal(max).subtract(lo);
                for (int k = 1; k < n; k++) {
                    out.add(lo.add(span.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(n), 10,
                            RoundingMode.DOWN)).stripTrailingZeros().toPlainString());
                }
            }
            case "datetime" -> {
                long lo = micros(LocalDateTime.parse(min));
                long span = micros(LocalDateTime.parse(max)) - lo;
                for (int k = 1; k < n; k++) {
                    long m = lo + (long) ((double) span * k / n);
                    out.add(LocalDateTime.ofEpochSecond(Math.floorDiv(m, 1_000_000), (int) Math.floorMod(m, 1_000_000)
                            * 1000, ZoneOffset.UTC).toString());
                }
            }
            case "date" -> {
                long lo = LocalDate.parse(min).toEpochDay();
                long span = LocalDate.parse(max).toEpochDay() - lo + 1;
                for (int k = 1; k < n; k++) out.add(LocalDate.ofEpochDay(lo + span * k / n).toString());
            }
            default -> {
                return List.of();
            }
        }
        return out.stream().distinct().toList();
    }

    private static long micros(LocalDateTime t) {
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t);
    }

    /** One index scan: the rows in each proposed range; skewed when one holds far more than its share. */
    private static boolean skewed(Connection conn, SourceQuery base, String col, String type, List<String> b,
                                  long count) throws SQLException {
        StringBuilder sums = new StringBuilder("SUM(" + col + " < ?)");
        for (int i = 1; i < b.size(); i++) sums.append(", SUM(").append(col).append(" >= ? AND ").append(col).append(" < ?)");
        sums.append(", SUM(").append(col).append(" >= ?)");
        try (PreparedStatement ps = conn.prepareStatement(base.aggregateSql(sums.toString()))) {
            int i = 1;
            SourceQuery.bindValue(ps, i++, type, b.get(0));
            for (int k = 1; k < b.size(); k++) {
                SourceQuery.bindValue(ps, i++, type, b.get(k - 1));
                SourceQuery.bindValue(ps, i++, type, b.get(k));
            }
            SourceQuery.bindValue(ps, i++, type, b.get(b.size() - 1));
            base.bind(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double fair = (double) count / (b.size() + 1);
                for (int k = 1; k <= b.size() + 1; k++) {
                    if (rs.getLong(k) > SKEW * fair + 1) return true;
                }
                return false;
            }
        }
    }

    /** Boundaries at every (count / n)-th value of the column, read in order from its index. */
    private static List<String> quantiles(Connection conn, SourceQuery base, String col, String type, long count,
                                          int n) throws SQLException {
        List<String> out = new ArrayList<>();
        SourceQuery q = SourceQuery.of(base).where(col + " IS NOT NULL", List.of());
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + col + " FROM " + q.from()
                + q.whereClause() + " ORDER BY " + col, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            q.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                long i = 0;
                int k = 1;
                long next = count * k / n;
                while (rs.next() && k < n) {
                    if (i == next) {
                        String v = SqlValues.read(rs, 1, type);
                        if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) out.add(v);
                        k++;
                        next = count * k / n;
                    }
                    i++;
                }
            }
        }
        return out;
    }

    /** The range condition of unit {@code chunk}, with its typed values. */
    static SourceQuery range(SourceQuery q, ChunkPlan plan, int chunk) {
        if (plan.splitColumn() == null) return q;
        String col = Names.quote(plan.splitColumn());
        List<String> b = plan.boundaries();
        String type = plan.splitType();
        if (plan.isNullChunk(chunk)) return q.where(col + " IS NULL", List.of());
        if (b.isEmpty()) return q.where(col + " IS NOT NULL", List.of());
        if (chunk == 0) return q.where(col + " < ?", List.<Object[]>of(new Object[]{type, b.get(0)}));
        if (chunk == b.size()) return q.where(col + " >= ?", List.<Object[]>of(new Object[]{type, b.get(b.size() - 1)}));
        return q.where(col + " >= ? AND " + col + " < ?", List.of(new Object[]{type, b.get(chunk - 1)},
                new Object[]{type, b.get(chunk)}));
    }
}
