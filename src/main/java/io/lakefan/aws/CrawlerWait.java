package io.lakefan.aws;

import io.lakefan.finalize.CatalogResult;
import io.lakefan.run.TableStatus;
import io.lakefan.run.TimeBudget;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Crawler mode of {@link GlueCatalog}: start, then wait with backoff, continuing in a new invocation when the
 * time runs low. A crawler that was already running (started by someone else, before this run's files may have
 * landed) is waited for and then started once more, so that the crawl that counts began after the files landed.
 *
 * <p>The continuation state ({@code waiting}) holds {@code crawlers} (comma list), {@code startedAt} (ISO
 * instant) and {@code again} (crawlers still to be started once they are idle).
 */
final class CrawlerWait {
    static final String CRAWLERS = "crawlers";
    static final String STARTED_AT = "startedAt";
    static final String AGAIN = "again";

    private final GlueClient glue;
    private final String database;
    private final List<String> crawlers;
    private final GlueCatalog.Options options;
    private final Clock clock;

    CrawlerWait(GlueClient glue, String database, List<String> crawlers, GlueCatalog.Options options, Clock clock) {
        this.glue = glue;
        this.database = database;
        this.crawlers = crawlers;
        this.options = options;
        this.clock = clock;
    }

    CatalogResult run(List<TableStatus> landed, Map<String, String> waiting, TimeBudget budget) {
        List<String> notes = new ArrayList<>();
        Instant startedAt;
        Set<String> again = new LinkedHashSet<>();
        List<String> names;
        if (waiting.isEmpty()) {
            names = crawlers;
            startedAt = clock.instant();
            for (String c : names) {
                try {
                    glue.startCrawler(b -> b.name(c));
                } catch (CrawlerRunningException e) {
                    again.add(c);
                    notes.add("crawler " + c + " was already running: waited for it, then started it again");
                } catch (EntityNotFoundException e) {
                    return failAll(landed, "crawler " + c + " does not exist (LAKEFAN_CRAWLER): " + e.awsErrorDetails().errorMessage());
                }
            }
        } else {
            names = split(required(waiting, CRAWLERS));
            startedAt = Instant.parse(required(waiting, STARTED_AT));
            again.addAll(split(waiting.getOrDefault(AGAIN, "")));
        }

        Map<String, LastCrawlInfo> finished = new LinkedHashMap<>();
        for (int attempt = 1; ; attempt++) {
            for (String c : names) {
                if (finished.containsKey(c)) continue;
                Crawler crawler;
                try {
                    crawler = glue.getCrawler(b -> b.name(c)).crawler();
                } catch (EntityNotFoundException e) {
                    return failAll(landed, "crawler " + c + " does not exist (LAKEFAN_CRAWLER)");
                }
                if (crawler.state() != CrawlerState.READY) continue;
                if (again.contains(c)) {
                    try {
                        glue.startCrawler(b -> b.name(c));
                        again.remove(c);
                    } catch (CrawlerRunningException e) {
                        // started by someone else in between: wait for that one too
                    }
                    continue;
                }
                finished.put(c, crawler.lastCrawl());
            }
            if (finished.size() == names.size()) break;
            Duration waited = Duration.between(startedAt, clock.instant());
            if (waited.compareTo(options.maxWait()) > 0) {
                return failAll(landed, "crawler(s) " + pending(names, finished) + " still running after " + waited
                        .toMinutes() + " min (the limit is " + options.maxWait().toMinutes() + " min)");
            }
            long sleep = Math.min(options.pollCap().toMillis(), options.pollBase().toMillis() << Math.min(20, attempt - 1));
            if (budget.remainingMillis() - sleep < options.margin().toMillis()) {
                Map<String, String> next = new LinkedHashMap<>();
                next.put(CRAWLERS, String.join(",", names));
                next.put(STARTED_AT, startedAt.toString());
                if (!again.isEmpty()) next.put(AGAIN, String.join(",", again));
                return CatalogResult.continueWith(next);
            }
            Backoff.sleep(attempt, options.pollBase().toMillis(), options.pollCap().toMillis());
        }

        for (Map.Entry<String, LastCrawlInfo> e : finished.entrySet()) {
            LastCrawlInfo last = e.getValue();
            if (last == null || last.status() != LastCrawlStatus.SUCCEEDED) {
                String status = last == null ? "no result" : String.valueOf(last.status());
                String message = last == null || last.errorMessage() == null ? "" : ": " + last.errorMessage();
                return failAll(landed, "crawler " + e.getKey() + " ended " + status + message);
            }
            notes.add("crawler " + e.getKey() + " succeeded");
        }
        return new CatalogResult(Map.of(), notes, missingTables(landed));
    }

    /** The crawl succeeded, but did it make the tables finalize will query? */
    private Map<String, String> missingTables(List<TableStatus> landed) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (TableStatus s : landed) {
            try {
                glue.getTable(b -> b.databaseName(database).name(s.table()));
            } catch (EntityNotFoundException e) {
                errors.put(s.table(), "the crawl succeeded but Glue has no table " + database + "." + s.table()
                        + ": point the crawler at the lake's database folder, write to Glue database " + database
                        + " and use no table prefix");
            } catch (GlueException e) {
                errors.put(s.table(), "cannot read Glue table " + database + "." + s.table() + ": "
                        + e.awsErrorDetails().errorMessage());
            }
        }
        return errors;
    }

    private static CatalogResult failAll(List<TableStatus> landed, String why) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (TableStatus s : landed) errors.put(s.table(), why);
        return new CatalogResult(Map.of(), List.of(why), errors);
    }

    private static List<String> pending(List<String> names, Map<String, LastCrawlInfo> finished) {
        return names.stream().filter(n -> !finished.containsKey(n)).toList();
    }

    private static String required(Map<String, String> waiting, String key) {
        String v = waiting.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the continued finalize event's \"waiting\" has no \"" + key
                    + "\": " + waiting + " (it must come from an earlier finalize of this run)");
        }
        return v;
    }

    static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
