package io.lakefan.aws;

import io.lakefan.finalize.Catalog;
import io.lakefan.lake.LakeLayout;
import io.lakefan.lake.StoredObject;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;
import io.lakefan.testing.AwsLake;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation and latest views through Athena (FakeAthena runs the SQL on DuckDB over the s3proxy files). */
class AthenaFinalizeTest {
    static AwsLake lake;
    static AthenaQueries athena;

    @BeforeAll
    static void start() {
        lake = AwsLake.start();
        athena = queries("primary");
    }

    @AfterAll
    static void stop() {
        lake.close();
    }

    static AthenaQueries queries(String workgroup) {
        return AthenaQueries.create(lake.athena.client(), workgroup, "s3://lake/athena-results/")
                .withPolling(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(1));
    }

    static AwsLake.Finalize direct(AthenaQueries queries) {
        GlueCatalog catalog = GlueCatalog.direct(lake.glue.client(), null, lake.store, lake.root);
        return new AwsLake.Finalize(catalog, new AthenaRowCounter(queries, catalog::databaseFor),
                new AthenaViews(queries, lake.glue.client(), catalog::databaseFor));
    }

    static String items(String prefix, int rows) {
        TestDatabase db = TestDatabase.get();
        String d = db.createDatabase(prefix);
        db.exec(d, "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20), updated_at DATETIME)");
        for (int i = 1; i <= rows; i++) {
            db.exec(d, "INSERT INTO items VALUES (" + i + ", 'v1-" + i + "', '2026-01-01 10:00:00')");
        }
        return d;
    }

    @Test
    void validation_passes_whenAthenaCountsEveryRowOfTheRun() {
        String d = items("valid", 6);
        AwsLake.Run run = lake.run(d, "{\"tables\":[{\"name\":\"items\",\"maxRowsPerFile\":2}]}", direct(athena));
        assertTrue(run.summary().succeeded(), () -> run.summary().toString());
        assertEquals(6, run.summary().tables().get(0).rows());
        String count = AthenaRowCounter.sql(d, "items", run.plan());
        assertEquals("SELECT count(*) FROM \"" + d + "\".\"items\" WHERE \"ingest_date\" = '" + run.plan().ingestDate()
                + "' AND \"_lakefan_run_id\" = '" + run.plan().runId() + "'", count);
        assertTrue(lake.athena.statements().contains(count));
    }

    @Test
    void validation_fails_whenAFileWasDeletedBehindOurBack() {
        String d = items("deleted", 6);
        AwsLake.Finalize f = direct(athena);
        Catalog deleting = (plan, landed, waiting, budget) -> {
            String prefix = LakeLayout.partitionPrefix(plan.database(), "items", plan.ingestDate());
            List<StoredObject> files = lake.store.list(prefix);
            lake.store.delete(List.of(files.get(files.size() - 1).key()));
            return f.catalog().update(plan, landed, waiting, budget);
        };
        AwsLake.Run run = lake.run(d, "{\"tables\":[{\"name\":\"items\",\"maxRowsPerFile\":2}]}",
                new AwsLake.Finalize(deleting, f.counter(), f.views()));

        assertFalse(run.summary().succeeded());
        TableStatus t = run.summary().tables().get(0);
        assertEquals(Status.VALIDATION_FAILED, t.status());
        assertTrue(t.error().contains("the lake holds 4 rows of run " + run.plan().runId() + " but the extract wrote 6"), t.error());
        assertTrue(run.failures().get(0).getMessage().contains("VALIDATION_FAILED"), run.failures().toString());
    }

    @Test
    void latestView_afterTwoIncrementalRunsWithUpdates_hasOneRowPerKeyWithTheNewestValues() throws Exception {
        String d = items("latest", 5);
        String config = "{\"tables\":[{\"name\":\"items\",\"mode\":\"incremental\",\"watermark\":\"updated_at\","
                + "\"primaryKey\":[\"id\"],\"latestView\":true,\"latestViewPeriod\":\"month\"}]}";
        AwsLake.Run first = lake.run(d, config, direct(athena));
        assertTrue(first.summary().succeeded(), () -> first.summary().toString());

        TestDatabase.get().exec(d, "UPDATE items SET label = CONCAT('v2-', id), updated_at = '2026-01-02 10:00:00' WHERE id IN (2, 4)",
                "INSERT INTO items VALUES (6, 'v1-6', '2026-01-02 11:00:00')");
        AwsLake.Run second = lake.run(d, config, direct(athena), Clock.offset(Clock.systemUTC(), Duration.ofDays(40)),
                TimeBudget::unlimited, null);
        assertTrue(second.summary().succeeded(), () -> second.summary().toString());
        assertEquals(3, second.summary().tables().get(0).rows(), "two updates and one insert");

        List<List<String>> expected = new ArrayList<>();
        try (Connection c = TestDatabase.get().connect(d); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, label FROM items ORDER BY id")) {
            while (rs.next()) expected.add(List.of(rs.getString(1), rs.getString(2)));
        }
        AthenaQueries.Result latest = athena.query("SELECT \"id\", \"label\" FROM \"" + d + "\".\"items_latest\" ORDER BY \"id\"");
        assertEquals(expected, latest.rows());
        assertEquals(List.of("id", "label", "updated_at", "_lakefan_run_id", "_lakefan_extracted_at", "ingest_date"),
                athena.query("SELECT * FROM \"" + d + "\".\"items_latest\" LIMIT 1").columns(), "the helper row number is hidden");

        String m1 = AthenaViews.suffix(AthenaViews.start(first.plan().ingestDate(), "month"), "month");
        String m2 = AthenaViews.suffix(AthenaViews.start(second.plan().ingestDate(), "month"), "month");
        assertTrue(second.summary().notes().stream().anyMatch(n -> n.contains("items_latest_" + m1) && n.contains("items_latest_" + m2)),
                () -> second.summary().notes().toString());
        assertEquals("5", athena.query("SELECT count(*) FROM \"" + d + "\".\"items_latest_" + m1 + "\"").value());
        assertEquals("3", athena.query("SELECT count(*) FROM \"" + d + "\".\"items_latest_" + m2 + "\"").value());
    }

    @Test
    void athenaFailure_workgroupMissing_isReportedWithAthenasReasonAndTheSql() {
        String d = items("nowg", 2);
        AwsLake.Run run = lake.run(d, "{\"tables\":[{\"name\":\"items\"}]}", direct(queries("nope")));
        TableStatus t = run.summary().tables().get(0);
        assertEquals(Status.VALIDATION_FAILED, t.status());
        assertTrue(t.error().contains("WorkGroup nope is not found."), t.error());
        assertTrue(t.error().contains("SELECT count(*) FROM \"" + d + "\".\"items\""), t.error());
    }

    @Test
    void query_failed_carriesStateChangeReasonAndSql() {
        AthenaQueryException e = assertThrows(AthenaQueryException.class,
                () -> athena.query("SELECT count(*) FROM \"nodb\".\"missing\""));
        assertTrue(e.getMessage().contains("FAILED"), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertTrue(e.getMessage().contains("SQL: SELECT count(*) FROM \"nodb\".\"missing\""), e.getMessage());
    }

    @Test
    void query_resultsArePaged_headerRowRemoved() {
        lake.athena.pageSize(3);
        try {
            AthenaQueries.Result r = athena.query("SELECT * FROM range(10) t(\"n\")");
            assertEquals(List.of("n"), r.columns());
            assertEquals(10, r.rows().size());
            assertEquals(List.of("0"), r.rows().get(0));
            assertEquals(List.of("9"), r.rows().get(9));
        } finally {
            lake.athena.pageSize(1000);
        }
    }

    @Test
    void sql_refusesNamesThatAreNotLakeNames() {
        assertThrows(IllegalArgumentException.class, () -> SqlNames.quote("x\"; DROP"));
        assertThrows(IllegalArgumentException.class, () -> SqlNames.quote("Upper"));
        assertEquals("\"a_1\".\"t\"", SqlNames.table("a_1", "t"));
    }
}
