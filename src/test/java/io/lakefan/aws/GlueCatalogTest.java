package io.lakefan.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakefan.event.FinalizeEvent;
import io.lakefan.lake.LakeLayout;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;
import io.lakefan.testing.AwsLake;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GlueCatalog against FakeGlue/FakeAthena, with files written by lakefan's real extract from MariaDB. */
class GlueCatalogTest {
    static AwsLake lake;
    static AthenaQueries athena;
    static final GlueCatalog.Options FAST = new GlueCatalog.Options(Duration.ZERO, Duration.ofMillis(10),
            Duration.ofMillis(50), Duration.ofMinutes(5));

    @BeforeAll
    static void start() {
        lake = AwsLake.start();
        athena = AthenaQueries.create(lake.athena.client(), "primary", "s3://lake/athena-results/")
                .withPolling(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        lake.close();
    }

    static String customers(String prefix, int rows) {
        TestDatabase db = TestDatabase.get();
        String d = db.createDatabase(prefix);
        db.exec(d, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50), score DECIMAL(8,2))");
        StringBuilder insert = new StringBuilder("INSERT INTO customers VALUES ");
        for (int i = 1; i <= rows; i++) insert.append(i > 1 ? "," : "").append("(").append(i).append(",'c").append(i).append("',").append(i).append(".5)");
        db.exec(d, insert.toString());
        return d;
    }

    static String config(String tables) {
        return "{\"tables\":[" + tables + "]}";
    }

    AwsLake.Finalize crawlerMode(String crawler) {
        GlueCatalog catalog = GlueCatalog.crawler(lake.glue.client(), null, List.of(crawler)).withOptions(FAST);
        return new AwsLake.Finalize(catalog, new AthenaRowCounter(athena, catalog::databaseFor),
                new AthenaViews(athena, lake.glue.client(), catalog::databaseFor));
    }

    AwsLake.Finalize directMode() {
        GlueCatalog catalog = GlueCatalog.direct(lake.glue.client(), null, lake.store, lake.root);
        return new AwsLake.Finalize(catalog, new AthenaRowCounter(athena, catalog::databaseFor),
                new AthenaViews(athena, lake.glue.client(), catalog::databaseFor));
    }

    @Test
    void crawler_whenCrawlSucceeds_tablesAreRegisteredAndValidationPassesThroughAthena() {
        String d = customers("crawl_ok", 7);
        lake.glue.addCrawler("crawl-ok", d, lake.location(d + "/"));

        AwsLake.Run run = lake.run(d, config("{\"name\":\"customers\"}"), crawlerMode("crawl-ok"));

        assertTrue(run.summary().succeeded(), () -> run.summary().toString());
        assertEquals(1, lake.glue.starts("crawl-ok"));
        assertTrue(run.summary().notes().contains("crawler crawl-ok succeeded"), () -> run.summary().notes().toString());
        assertEquals(List.of("id", "name", "score", "_lakefan_run_id", "_lakefan_extracted_at"),
                lake.glue.columns(d, "customers"));
        assertTrue(lake.athena.statements().contains(AthenaRowCounter.sql(d, "customers", run.plan())));
    }

    @Test
    void crawler_whenCrawlFails_runFailsWithTheCrawlersMessageInTheSummary() {
        String d = customers("crawl_fail", 3);
        lake.glue.addCrawler("crawl-fail", d, lake.location(d + "/"));
        lake.glue.crawlResult("crawl-fail", "FAILED", "Service is unable to assume provided role");

        AwsLake.Run run = lake.run(d, config("{\"name\":\"customers\"}"), crawlerMode("crawl-fail"));

        assertFalse(run.summary().succeeded());
        TableStatus t = run.summary().tables().get(0);
        assertEquals(Status.FAILED, t.status());
        assertTrue(t.error().contains("crawler crawl-fail ended FAILED: Service is unable to assume provided role"), t.error());
        String summaryJson = new String(lake.store.get(LakeLayout.summary(run.plan().runId())).orElseThrow().content());
        assertTrue(summaryJson.contains("unable to assume provided role"), summaryJson);
        assertTrue(run.failures().get(0).getMessage().contains("crawl-fail"), run.failures().toString());
    }

    @Test
    void crawler_whenStillRunningAtTheMargin_continuesInANewInvocationThatOnlyWaits() {
        String d = customers("crawl_slow", 4);
        lake.glue.addCrawler("crawl-slow", d, lake.location(d + "/"));
        lake.glue.hold("crawl-slow", true);
        GlueCatalog catalog = GlueCatalog.crawler(lake.glue.client(), null, List.of("crawl-slow"))
                .withOptions(new GlueCatalog.Options(Duration.ofMillis(200), Duration.ofMillis(10), Duration.ofMillis(40),
                        Duration.ofMinutes(5)));
        AwsLake.Finalize f = new AwsLake.Finalize(catalog, new AthenaRowCounter(athena, catalog::databaseFor),
                io.lakefan.finalize.Views.NONE);

        AwsLake.Run run = lake.run(d, config("{\"name\":\"customers\"}"), f, Clock.systemUTC(),
                () -> TimeBudget.ofMillis(350), events -> {
                    long deadline = System.currentTimeMillis() + 90_000;
                    while (events.stream().filter(e -> e instanceof FinalizeEvent fe && !fe.waiting().isEmpty()).count() < 2) {
                        if (System.currentTimeMillis() > deadline) throw new AssertionError("no continuation: " + events);
                        sleep(20);
                    }
                    lake.glue.hold("crawl-slow", false);
                });

        assertNotNull(run.summary(), () -> run.failures() + " events " + run.events());
        assertTrue(run.summary().succeeded(), () -> run.summary().toString());
        List<FinalizeEvent> finalizes = run.finalizeEvents();
        FinalizeEvent continued = finalizes.get(1);
        assertEquals("crawl-slow", continued.waiting().get("crawlers"));
        assertNotNull(continued.waiting().get("startedAt"));
        assertEquals(1, continued.hop());
        assertEquals(1, lake.glue.starts("crawl-slow"), "a continued finalize never starts the crawler again");
    }

    @Test
    void crawler_whenAlreadyRunning_waitsThenStartsItAgain() {
        String d = customers("crawl_busy", 2);
        lake.glue.addCrawler("crawl-busy", d, lake.location(d + "/"));
        lake.glue.startElsewhere("crawl-busy");

        AwsLake.Run run = lake.run(d, config("{\"name\":\"customers\"}"), crawlerMode("crawl-busy"));
        assertNotNull(run.summary(), () -> run.failures() + " events " + run.events());

        assertTrue(run.summary().succeeded(), () -> run.summary().toString());
        assertEquals(1, lake.glue.starts("crawl-busy"), "started once, after the foreign crawl ended");
        assertTrue(run.summary().notes().stream().anyMatch(n -> n.contains("was already running")));
    }

    @Test
    void direct_registersTable_thenASecondRunAddsAPartitionAndANewSourceColumn() {
        String d = customers("direct", 5);
        AwsLake.Run first = lake.run(d, config("{\"name\":\"customers\"}"), directMode());
        assertTrue(first.summary().succeeded(), () -> first.summary().toString());

        JsonNode t = lake.glue.table(d, "customers");
        assertEquals("EXTERNAL_TABLE", t.path("TableType").asText());
        assertEquals("parquet", t.path("Parameters").path("classification").asText());
        JsonNode sd = t.path("StorageDescriptor");
        assertEquals("s3://lake/raw/" + d + "/customers/", sd.path("Location").asText());
        assertEquals(GlueTables.SERDE, sd.path("SerdeInfo").path("SerializationLibrary").asText());
        assertEquals(GlueTables.INPUT_FORMAT, sd.path("InputFormat").asText());
        assertEquals(GlueTables.OUTPUT_FORMAT, sd.path("OutputFormat").asText());
        assertEquals("ingest_date", t.path("PartitionKeys").get(0).path("Name").asText());
        assertEquals("string", t.path("PartitionKeys").get(0).path("Type").asText());
        assertEquals("decimal(8,2)", sd.path("Columns").get(2).path("Type").asText());
        assertEquals("timestamp", sd.path("Columns").get(4).path("Type").asText());
        assertEquals(List.of(first.plan().ingestDate().toString()), List.copyOf(lake.glue.partitions(d, "customers").keySet()));

        TestDatabase.get().exec(d, "ALTER TABLE customers ADD COLUMN email VARCHAR(80)",
                "UPDATE customers SET email = CONCAT('c', id, '@example.com')");
        AwsLake.Run second = lake.run(d, config("{\"name\":\"customers\"}"), directMode(),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(1)), TimeBudget::unlimited, null);
        assertTrue(second.summary().succeeded(), () -> second.summary().toString());

        assertEquals(List.of("id", "name", "score", "_lakefan_run_id", "_lakefan_extracted_at", "email"),
                lake.glue.columns(d, "customers"), "new columns are appended, none dropped");
        assertEquals(2, lake.glue.partitions(d, "customers").size());
        assertTrue(second.summary().notes().stream().anyMatch(n -> n.contains("added column(s) to Glue: email string")),
                () -> second.summary().notes().toString());
        AthenaQueries.Result r = athena.query("SELECT \"ingest_date\", count(*), count(\"email\") FROM \"" + d
                + "\".\"customers\" GROUP BY 1 ORDER BY 1");
        assertEquals(List.of(List.of(first.plan().ingestDate().toString(), "5", "0"),
                List.of(second.plan().ingestDate().toString(), "5", "5")), r.rows(), "old files still query");

        TestDatabase.get().exec(d, "ALTER TABLE customers MODIFY COLUMN id BIGINT");
        AwsLake.Run third = lake.run(d, config("{\"name\":\"customers\"}"), directMode(),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(2)), TimeBudget::unlimited, null);
        assertTrue(third.summary().notes().stream().anyMatch(n -> n.contains("column id is bigint in this run's files but int in Glue")),
                () -> third.summary().notes().toString());
        assertEquals("int", lake.glue.table(d, "customers").path("StorageDescriptor").path("Columns").get(0).path("Type").asText());
    }

    @Test
    void direct_sameRunFinalizedTwice_partitionAlreadyExistsIsFine() {
        String d = customers("direct_twice", 2);
        AwsLake.Run run = lake.run(d, config("{\"name\":\"customers\"}"), directMode());
        assertTrue(run.summary().succeeded());
        GlueCatalog catalog = GlueCatalog.direct(lake.glue.client(), null, lake.store, lake.root);
        var again = catalog.update(run.plan(), run.summary().tables(), java.util.Map.of(), TimeBudget.unlimited());
        assertTrue(again.finished());
        assertEquals(java.util.Map.of(), again.tableErrors());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
