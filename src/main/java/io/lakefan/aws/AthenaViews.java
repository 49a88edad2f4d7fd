package io.lakefan.aws;

import io.lakefan.config.Names;
import io.lakefan.config.TableConfig;
import io.lakefan.finalize.Views;
import io.lakefan.lake.LakeLayout;
import io.lakefan.parquet.RowSchema;
import io.lakefan.run.Plan;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.paginators.GetPartitionsIterable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Latest views in Athena: {@code <table>_latest} keeps the newest row per primary key (highest watermark, then the
 * newest extract), and with {@code latestViewPeriod} one {@code <table>_latest_<period>} per month, quarter or year
 * present in the table's partitions, limited to that period's {@code ingest_date}s. The column list comes from
 * the Glue table, so the helper row number stays hidden.
 */
public final class AthenaViews implements Views {
    static final String RN = "_lakefan_rn";

    private final AthenaQueries athena;
    private final GlueClient glue;
    private final Function<Plan, String> database;

    public AthenaViews(AthenaQueries athena, GlueClient glue, Function<Plan, String> database) {
        this.athena = athena;
        this.glue = glue;
        this.database = database;
    }

    @Override
    public List<String> createLatest(Plan plan, TableConfig cfg) {
        String db = database.apply(plan);
        String table = SqlNames.check(cfg.lakeName(), "table");
        if (cfg.primaryKey().isEmpty()) {
            throw new IllegalArgumentException("table " + cfg.name() + " has latestView but no primaryKey: the view "
                    + "needs the key that identifies a row");
        }
        Table t;
        try {
            t = glue.getTable(b -> b.databaseName(db).name(table)).table();
        } catch (EntityNotFoundException e) {
            throw new IllegalArgumentException("Glue has no table " + db + "." + table + " to make a view of");
        }
        List<String> columns = new ArrayList<>();
        for (Column c : t.storageDescriptor().columns()) columns.add(c.name());
        for (Column c : t.partitionKeys()) columns.add(c.name());
        List<String> key = cfg.primaryKey().stream().map(Names::lake).toList();
        String watermark = cfg.watermark() == null ? null : Names.lake(cfg.watermark());
        for (String c : key) requireColumn(columns, c, "primary key column", db, table);
        if (watermark != null) requireColumn(columns, watermark, "watermark column", db, table);

        List<String> made = new ArrayList<>();
        String name = table + "_latest";
        athena.execute(view(db, name, table, columns, key, watermark, null, null));
        made.add(name);
        if (cfg.latestViewPeriod() != null) {
            for (var p : periods(db, table, cfg.latestViewPeriod()).entrySet()) {
                String periodView = name + "_" + p.getKey();
                LocalDate from = p.getValue();
                athena.execute(view(db, periodView, table, columns, key, watermark, from, next(from, cfg.latestViewPeriod())));
                made.add(periodView);
            }
        }
        return made;
    }

    /** The view's SQL; {@code from}/{@code to} (exclusive) limit it to a range of {@code ingest_date}s. */
    static String view(String db, String name, String table, List<String> columns, List<String> key,
                       String watermark, LocalDate from, LocalDate to) {
        String order = (watermark == null ? "" : SqlNames.quote(watermark) + " DESC NULLS LAST, ")
                + SqlNames.quote(RowSchema.EXTRACTED_AT) + " DESC";
        String where = from == null ? "" : " WHERE " + SqlNames.quote(LakeLayout.PARTITION_COLUMN) + " >= '" + from
                + "' AND " + SqlNames.quote(LakeLayout.PARTITION_COLUMN) + " < '" + to + "'";
        return "CREATE OR REPLACE VIEW " + SqlNames.table(db, name) + " AS SELECT "
                + columns.stream().map(SqlNames::quote).collect(Collectors.joining(", "))
                + " FROM (SELECT *, row_number() OVER (PARTITION BY "
                + key.stream().map(SqlNames::quote).collect(Collectors.joining(", "))
                + " ORDER BY " + order + ") AS " + SqlNames.quote(RN)
                + " FROM " + SqlNames.table(db, table) + where + ") WHERE " + SqlNames.quote(RN) + " = 1";
    }

    /** Period suffix ({@code 2026_11}, {@code 2026q4}, {@code 2026}) to its first day, for each partition. */
    private TreeMap<String, LocalDate> periods(String db, String table, String period) {
        TreeMap<String, LocalDate> out = new TreeMap<>();
        GetPartitionsIterable pages = glue.getPartitionsPaginator(b -> b.databaseName(db).tableName(table));
        for (Partition p : pages.stream().flatMap(r -> r.partitions().stream()).toList()) {
            if (p.values().isEmpty()) continue;
            LocalDate d;
            try {
                d = LocalDate.parse(p.values().get(0));
            } catch (RuntimeException e) {
                continue; // not a lakefan partition
            }
            LocalDate start = start(d, period);
            out.put(suffix(start, period), start);
        }
        return out;
    }

    static LocalDate start(LocalDate d, String period) {
        return switch (period) {
            case "month" -> d.withDayOfMonth(1);
            case "quarter" -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case "year" -> d.withDayOfYear(1);
            default -> throw new IllegalArgumentException("latestViewPeriod must be month, quarter or year, got " + period);
        };
    }

    static LocalDate next(LocalDate start, String period) {
        return switch (period) {
            case "month" -> start.plusMonths(1);
            case "quarter" -> start.plusMonths(3);
            default -> start.plusYears(1);
        };
    }

    static String suffix(LocalDate start, String period) {
        return switch (period) {
            case "month" -> start.getYear() + "_" + String.format("%02d", start.getMonthValue());
            case "quarter" -> start.getYear() + "q" + ((start.getMonthValue() - 1) / 3 + 1);
            default -> Integer.toString(start.getYear());
        };
    }

    private static void requireColumn(List<String> columns, String column, String what, String db, String table) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException(what + " " + column + " is not a column of Glue table " + db + "."
                    + table + " (columns: " + columns + ")");
        }
    }
}
