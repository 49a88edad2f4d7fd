package io.lakefan.aws;

import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL in Athena and waits for it: StartQueryExecution in the configured workgroup (and output location,
 * unless the workgroup enforces its own), GetQueryExecution with backoff until the query ends, GetQueryResults
 * page by page. A query that does not succeed is an {@link AthenaQueryException} with Athena's reason and the SQL.
 */
public final class AthenaQueries {
    private final AthenaClient athena;
    private final String workgroup;
    private final String outputLocation;
    private final Duration pollBase;
    private final Duration pollCap;
    private final Duration maxWait;

    /** One query's result: the column names and the rows as text (null for SQL NULL), header row removed. */
    public record Result(String queryId, List<String> columns, List<List<String>> rows) {
        public Result {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** The single value of a one-row, one-column result. */
        public String value() {
            if (rows.size() != 1 || rows.get(0).size() != 1) {
                throw new IllegalStateException("expected one value from query " + queryId + ", got " + rows);
            }
            return rows.get(0).get(0);
        }
    }

    private AthenaQueries(AthenaClient athena, String workgroup, String outputLocation, Duration pollBase,
                          Duration pollCap, Duration maxWait) {
        this.athena = athena;
        this.workgroup = workgroup == null || workgroup.isBlank() ? "primary" : workgroup;
        this.outputLocation = outputLocation == null || outputLocation.isBlank() ? null : outputLocation;
        this.pollBase = pollBase;
        this.pollCap = pollCap;
        this.maxWait = maxWait;
    }

    /**
     * @param workgroup      the workgroup (null: {@code primary})
     * @param outputLocation {@code s3://bucket/prefix/} for results, or null when the workgroup sets it
     */
    public static AthenaQueries create(AthenaClient athena, String workgroup, String outputLocation) {
        return new AthenaQueries(athena, workgroup, outputLocation, Duration.ofMillis(250), Duration.ofSeconds(5),
                Duration.ofMinutes(10));
    }

    /** The same with other polling delays and the longest wait for one query. */
    public AthenaQueries withPolling(Duration base, Duration cap, Duration maxWait) {
        return new AthenaQueries(athena, workgroup, outputLocation, base, cap, maxWait);
    }

    public String workgroup() {
        return workgroup;
    }

    /** Runs {@code sql} and returns every row of its result. */
    public Result query(String sql) {
        String id = start(sql);
        QueryExecution q = await(id, sql);
        return results(id, sql, !"DDL".equals(String.valueOf(q.statementTypeAsString())));
    }

    /** Runs a statement whose result does not matter (DDL such as CREATE VIEW). */
    public void execute(String sql) {
        await(start(sql), sql);
    }

    private String start(String sql) {
        StartQueryExecutionRequest.Builder b = StartQueryExecutionRequest.builder().queryString(sql).workGroup(workgroup);
        if (outputLocation != null) b.resultConfiguration(r -> r.outputLocation(outputLocation));
        try {
            return athena.startQueryExecution(b.build()).queryExecutionId();
        } catch (AthenaException e) {
            throw failure("Athena refused the query in workgroup " + workgroup + ": " + message(e), sql, e);
        }
    }

    private QueryExecution await(String id, String sql) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (int attempt = 1; ; attempt++) {
            QueryExecution q;
            try {
                q = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            } catch (AthenaException e) {
                throw failure("cannot read the state of Athena query " + id + ": " + message(e), sql, e);
            }
            QueryExecutionState state = q.status().state();
            if (state == QueryExecutionState.SUCCEEDED) return q;
            if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
                throw failure("Athena query " + id + " " + state + ": " + q.status().stateChangeReason(), sql, null);
            }
            if (System.nanoTime() > deadline) {
                athena.stopQueryExecution(b -> b.queryExecutionId(id));
                throw failure("Athena query " + id + " was still " + state + " after " + maxWait.toSeconds()
                        + " s and was stopped", sql, null);
            }
            Backoff.sleep(attempt, pollBase.toMillis(), pollCap.toMillis());
        }
    }

    private Result results(String id, String sql, boolean headerRow) {
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        String token = null;
        boolean first = true;
        do {
            String t = token;
            GetQueryResultsResponse page;
            try {
                page = athena.getQueryResults(b -> b.queryExecutionId(id).nextToken(t).maxResults(1000));
            } catch (AthenaException e) {
                throw failure("cannot read the results of Athena query " + id + ": " + message(e), sql, e);
            }
            if (first) {
                for (ColumnInfo c : page.resultSet().resultSetMetadata().columnInfo()) columns.add(c.name());
            }
            for (Row r : page.resultSet().rows()) {
                List<String> values = r.data().stream().map(Datum::varCharValue).toList();
                // a SELECT's first row is the header (Athena repeats the column names there)
                if (first && headerRow && rows.isEmpty() && values.equals(columns)) {
                    headerRow = false;
                    continue;
                }
                rows.add(values);
            }
            first = false;
            token = page.nextToken();
        } while (token != null);
        return new Result(id, columns, rows);
    }

    private static String message(AthenaException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }

    private static AthenaQueryException failure(String why, String sql, Throwable cause) {
        return new AthenaQueryException(why + "\n  SQL: " + sql, cause);
    }
}
