package io.lakefan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Athena query API for tests (AWS JSON 1.1) that really runs the SQL: each {@code "db"."table"} the SQL names
 * that {@link FakeGlue} knows becomes a DuckDB view (schema named like the Glue database) over the Parquet files of
 * the table's registered partitions in the s3proxy folder, with the Glue table's columns (a column missing from old
 * files reads as NULL, like Athena). {@code CREATE OR REPLACE VIEW} runs in DuckDB too, so later queries of the view
 * work. Queries go QUEUED -> RUNNING -> SUCCEEDED or FAILED (with a StateChangeReason); results are paged with the
 * header row first, as Athena does for SELECT.
 */
public final class FakeAthena extends AwsJsonServer {
    private static final Pattern TABLE_REF = Pattern.compile("\"([a-z0-9_]+)\"\\s*\\.\\s*\"([a-z0-9_]+)\"");

    private final FakeGlue glue;
    private final DuckDb duck = DuckDb.open();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "FakeAthena-query");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> workgroups = ConcurrentHashMap.newKeySet();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final List<String> sql = Collections.synchronizedList(new ArrayList<>());

    private static final class Execution {
        final String id;
        final String sql;
        final String workgroup;
        volatile String state = "QUEUED";
        volatile String reason;
        volatile boolean dml;
        volatile List<String> columns = List.of();
        volatile List<List<String>> rows = List.of();

        Execution(String id, String sql, String workgroup) {
            this.id = id;
            this.sql = sql;
            this.workgroup = workgroup;
        }
    }

    private FakeAthena(FakeGlue glue) {
        this.glue = glue;
        workgroups.add("primary");
    }

    public static FakeAthena start(FakeGlue glue) {
        return new FakeAthena(glue);
    }

    /** An Athena client for this server (no retries). */
    public AthenaClient client() {
        return AthenaClient.builder().endpointOverride(endpoint()).region(S3Server.REGION).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public void addWorkgroup(String name) {
        workgroups.add(name);
    }

    /** Every statement started, in order. */
    public List<String> statements() {
        return List.copyOf(sql);
    }

    /** Runs a query directly in the engine (as a test's independent reader of a view). */
    public List<List<Object>> rows(String query) {
        try {
            return runner.submit(() -> {
                prepare(query);
                return duck.rows(query);
            }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    @Override
    ObjectNode handle(String op, JsonNode r) {
        ObjectNode out = JSON.createObjectNode();
        switch (op) {
            case "StartQueryExecution" -> {
                String query = text(r, "QueryString");
                String wg = r.hasNonNull("WorkGroup") ? r.get("WorkGroup").asText() : "primary";
                if (!workgroups.contains(wg)) throw new AwsError("InvalidRequestException", "WorkGroup " + wg + " is not found.");
                Execution e = new Execution(UUID.randomUUID().toString(), query, wg);
                executions.put(e.id, e);
                sql.add(query);
                runner.execute(() -> run(e));
                out.put("QueryExecutionId", e.id);
            }
            case "GetQueryExecution" -> {
                Execution e = execution(text(r, "QueryExecutionId"));
                ObjectNode q = out.putObject("QueryExecution").put("QueryExecutionId", e.id).put("Query", e.sql)
                        .put("StatementType", e.dml ? "DML" : "DDL").put("WorkGroup", e.workgroup);
                ObjectNode status = q.putObject("Status").put("State", e.state);
                if (e.reason != null) status.put("StateChangeReason", e.reason);
            }
            case "GetQueryResults" -> {
                Execution e = execution(text(r, "QueryExecutionId"));
                if (!e.state.equals("SUCCEEDED")) {
                    throw new AwsError("InvalidRequestException", "Query has not yet finished. Current state: " + e.state);
                }
                List<List<String>> all = new ArrayList<>();
                if (e.dml) all.add(e.columns);
                all.addAll(e.rows);
                int from = r.hasNonNull("NextToken") ? Integer.parseInt(r.get("NextToken").asText()) : 0;
                int max = Math.min(r.hasNonNull("MaxResults") ? r.get("MaxResults").asInt() : 1000, pageSize);
                ObjectNode rs = out.putObject("ResultSet");
                ArrayNode rows = rs.putArray("Rows");
                for (int i = from; i < Math.min(all.size(), from + max); i++) {
                    ArrayNode data = rows.addObject().putArray("Data");
                    for (String v : all.get(i)) {
                        ObjectNode d = data.addObject();
                        if (v != null) d.put("VarCharValue", v);
                    }
                }
                ArrayNode info = rs.putObject("ResultSetMetadata").putArray("ColumnInfo");
                for (String c : e.columns) info.addObject().put("Name", c).put("Type", "varchar");
                if (from + max < all.size()) out.put("NextToken", Integer.toString(from + max));
            }
            case "StopQueryExecution" -> execution(text(r, "QueryExecutionId")).state = "CANCELLED";
            default -> throw new AwsError("UnknownOperationException", "FakeAthena does not implement " + op);
        }
        return out;
    }

    private volatile int pageSize = 1000;

    /** Caps result pages (to exercise NextToken paging). */
    public void pageSize(int rows) {
        this.pageSize = rows;
    }

    private Execution execution(String id) {
        Execution e = executions.get(id);
        if (e == null) throw new AwsError("InvalidRequestException", "QueryExecution " + id + " was not found");
        return e;
    }

    private void run(Execution e) {
        e.state = "RUNNING";
        try {
            prepare(e.sql);
            String head = e.sql.stripLeading().toUpperCase();
            if (head.startsWith("SELECT") || head.startsWith("WITH")) {
                e.dml = true;
                try (Statement s = duck.connection().createStatement(); ResultSet rs = s.executeQuery(e.sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnLabel(i));
                    List<List<String>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= columns.size(); i++) row.add(rs.getString(i));
                        rows.add(row);
                    }
                    e.columns = columns;
                    e.rows = rows;
                }
            } else {
                try (Statement s = duck.connection().createStatement()) {
                    s.execute(e.sql);
                }
            }
            e.state = "SUCCEEDED";
        } catch (SQLException | RuntimeException ex) {
            e.reason = (ex instanceof SQLException ? "GENERIC_INTERNAL_ERROR: " : "") + ex.getMessage();
            e.state = "FAILED";
        }
    }

    /** (Re)creates a DuckDB view for every Glue table the SQL names, over its registered partitions' files. */
    private void prepare(String query) throws SQLException {
        Matcher m = TABLE_REF.matcher(query);
        Set<String> schemas = new LinkedHashSet<>();
        while (m.find()) {
            String db = m.group(1);
            String table = m.group(2);
            schemas.add(db);
            JsonNode t = glue.table(db, table);
            if (t == null || "VIRTUAL_VIEW".equals(t.path("TableType").asText())) continue;
            exec("CREATE SCHEMA IF NOT EXISTS \"" + db + "\"");
            exec("CREATE OR REPLACE VIEW \"" + db + "\".\"" + table + "\" AS " + source(db, table, t));
        }
        for (String db : schemas) exec("CREATE SCHEMA IF NOT EXISTS \"" + db + "\"");
    }

    private String source(String db, String table, JsonNode t) {
        List<String> columns = new ArrayList<>();
        t.path("StorageDescriptor").path("Columns").forEach(c -> columns.add(c.path("Name").asText()));
        List<String> keys = new ArrayList<>();
        t.path("PartitionKeys").forEach(c -> keys.add(c.path("Name").asText()));
        List<String> files = new ArrayList<>();
        for (JsonNode p : glue.partitions(db, table).values()) {
            Path dir = glue.local(p.path("StorageDescriptor").path("Location").asText());
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(f -> f.toString().endsWith(".parquet")).sorted().forEach(f -> files.add(f.toString()));
            } catch (IOException ignored) {
                // a partition whose folder is gone reads as empty, as in Athena
            }
        }
        List<String> all = new ArrayList<>(columns);
        all.addAll(keys);
        if (files.isEmpty()) {
            return "SELECT " + all.stream().map(c -> "CAST(NULL AS VARCHAR) AS \"" + c + "\"").collect(Collectors.joining(", "))
                    + " WHERE false";
        }
        String list = files.stream().map(f -> "'" + f.replace("'", "''") + "'").collect(Collectors.joining(", "));
        String hiveTypes = keys.stream().map(k -> "'" + k + "': 'VARCHAR'").collect(Collectors.joining(", "));
        // union_by_name: a column added later reads as NULL in older files, as Athena reads Parquet by name
        return "SELECT " + all.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))
                + " FROM read_parquet([" + list + "], hive_partitioning=true, union_by_name=true"
                + (keys.isEmpty() ? "" : ", hive_types={" + hiveTypes + "}") + ")";
    }

    private void exec(String statement) throws SQLException {
        try (Statement s = duck.connection().createStatement()) {
            s.execute(statement);
        }
    }

    @Override
    public void close() {
        super.close();
        runner.shutdownNow();
        duck.close();
    }
}
