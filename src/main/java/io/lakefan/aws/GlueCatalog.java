package io.lakefan.aws;

import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.CatalogResult;
import io.lakefan.lake.ObjectStore;
import io.lakefan.run.Plan;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;
import software.amazon.awssdk.services.glue.GlueClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Glue Data Catalog step of finalize, in one of two modes.
 *
 * <ul>
 *   <li>{@link #crawler crawler}: starts the named crawler(s) and waits until their crawl succeeded. When the
 *   invocation's time runs low, it returns what it waits for; finalize re-invokes itself and the continued call
 *   only waits (it never starts the crawler again).</li>
 *   <li>{@link #direct direct}: registers each landed table (created from a data file's footer, new source
 *   columns appended, never dropped) and the run's {@code ingest_date} partition through the Glue API.</li>
 * </ul>
 *
 * The Glue database is the configured one, or the lake's database name when none is configured.
 */
public final class GlueCatalog implements Catalog {
    private final GlueClient glue;
    private final String database;
    private final List<String> crawlers;
    private final ObjectStore lake;
    private final LakeUri root;
    private final Options options;

    /**
     * Timing of the crawler wait.
     *
     * @param margin     continue in a new invocation when less than this remains
     * @param pollBase   first delay between GetCrawler calls (doubling, with jitter)
     * @param pollCap    longest delay between GetCrawler calls
     * @param maxWait    give up (fail the landed tables) when a crawl takes longer than this, across invocations
     */
    public record Options(Duration margin, Duration pollBase, Duration pollCap, Duration maxWait) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(2));
        }
    }

    private GlueCatalog(GlueClient glue, String database, List<String> crawlers, ObjectStore lake, LakeUri root,
                        Options options) {
        if (database != null && !database.isBlank()) SqlNames.check(database, "Glue database");
        this.glue = glue;
        this.database = database == null || database.isBlank() ? null : database;
        this.crawlers = List.copyOf(crawlers);
        this.lake = lake;
        this.root = root;
        this.options = options;
    }

    /**
     * Crawler mode.
     *
     * @param database the Glue database the crawler writes to (null: the lake's database name), used to check that
     *                 the crawl made every landed table
     */
    public static GlueCatalog crawler(GlueClient glue, String database, List<String> crawlers) {
        if (crawlers.isEmpty()) throw new IllegalArgumentException("crawler mode needs at least one crawler name");
        return new GlueCatalog(glue, database, crawlers, null, null, Options.defaults());
    }

    /**
     * Direct registration (no crawler).
     *
     * @param lake the lake, to read a data file's footer for the columns
     * @param root the lake's S3 root, for table and partition locations
     */
    public static GlueCatalog direct(GlueClient glue, String database, ObjectStore lake, LakeUri root) {
        return new GlueCatalog(glue, database, List.of(), lake, root, Options.defaults());
    }

    public GlueCatalog withOptions(Options options) {
        return new GlueCatalog(glue, database, crawlers, lake, root, options);
    }

    /** The Glue database used for a plan: the configured one, else the lake's database name. */
    public String databaseFor(Plan plan) {
        return database != null ? database : plan.database();
    }

    @Override
    public CatalogResult update(Plan plan, List<TableStatus> landed, Map<String, String> waiting, TimeBudget budget) {
        if (landed.isEmpty()) return CatalogResult.done(List.of("catalog: no table landed files, nothing to register"));
        if (crawlers.isEmpty()) return new GlueTables(glue, databaseFor(plan), lake, root).register(plan, landed);
        return new CrawlerWait(glue, databaseFor(plan), crawlers, options, Clock.systemUTC()).run(landed, waiting, budget);
    }
}
