package io.lakefan.lambda;

import io.lakefan.aws.AthenaQueries;
import io.lakefan.aws.AthenaRowCounter;
import io.lakefan.aws.AthenaViews;
import io.lakefan.aws.AwsClients;
import io.lakefan.aws.GlueCatalog;
import io.lakefan.aws.LakeUri;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.CatalogResult;
import io.lakefan.finalize.RowCounter;
import io.lakefan.finalize.Views;
import io.lakefan.lake.ObjectStore;
import io.lakefan.local.FooterRowCounter;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finalize's adapters from the environment: {@code LAKEFAN_CATALOG=crawler|glue|none}. With a catalog, validation
 * and latest views go through Athena; with {@code none}, validation reads the Parquet footers and no view is made
 * (the run summary says so). Settings are checked at once; the Glue and Athena clients are built on first use,
 * so extract invocations never pay for them.
 */
record FinalizeWiring(Catalog catalog, RowCounter counter, Views views) {
    static final String CATALOG = "LAKEFAN_CATALOG";
    static final String GLUE_DATABASE = "LAKEFAN_GLUE_DATABASE";
    static final String CRAWLER = "LAKEFAN_CRAWLER";
    static final String ATHENA_WORKGROUP = "LAKEFAN_ATHENA_WORKGROUP";
    static final String ATHENA_OUTPUT = "LAKEFAN_ATHENA_OUTPUT";
    static final String CRAWLER_MARGIN = "LAKEFAN_CRAWLER_MARGIN_SECONDS";
    static final String NONE_NOTE = "LAKEFAN_CATALOG=none: no Glue catalog update; validation summed the Parquet "
            + "footers of the run's files; no latest views were made";

    static FinalizeWiring fromEnvironment(Map<String, String> env, AwsClients clients, ObjectStore lake, LakeUri root) {
        String mode = env.getOrDefault(CATALOG, "none").trim().toLowerCase(Locale.ROOT);
        if (mode.isEmpty() || mode.equals("none")) {
            Catalog none = (plan, landed, waiting, budget) -> CatalogResult.done(List.of(NONE_NOTE));
            return new FinalizeWiring(none, new FooterRowCounter(lake), Views.NONE);
        }
        if (!mode.equals("glue") && !mode.equals("crawler")) {
            throw new IllegalStateException(CATALOG + " must be crawler, glue or none, got " + env.get(CATALOG));
        }
        List<String> crawlers = mode.equals("crawler") ? crawlers(env) : List.of();
        GlueCatalog.Options options = options(env);
        Memo<AwsFinalize> aws = new Memo<>(() -> {
            String database = env.get(GLUE_DATABASE);
            GlueCatalog catalog = crawlers.isEmpty() ? GlueCatalog.direct(clients.glue(), database, lake, root)
                    : GlueCatalog.crawler(clients.glue(), database, crawlers).withOptions(options);
            AthenaQueries athena = AthenaQueries.create(clients.athena(), env.get(ATHENA_WORKGROUP),
                    env.get(ATHENA_OUTPUT));
            return new AwsFinalize(catalog, new AthenaRowCounter(athena, catalog::databaseFor),
                    new AthenaViews(athena, clients.glue(), catalog::databaseFor));
        });
        return new FinalizeWiring(
                (plan, landed, waiting, budget) -> aws.get().catalog().update(plan, landed, waiting, budget),
                (plan, table) -> aws.get().counter().count(plan, table),
                (plan, table) -> aws.get().views().createLatest(plan, table));
    }

    private record AwsFinalize(GlueCatalog catalog, RowCounter counter, Views views) {
    }

    private static List<String> crawlers(Map<String, String> env) {
        List<String> crawlers = Arrays.stream(LambdaEnvironment.required(env, CRAWLER,
                        "the Glue crawler(s) to run, comma separated").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (crawlers.isEmpty()) throw new IllegalStateException(CRAWLER + " names no crawler: " + env.get(CRAWLER));
        return crawlers;
    }

    private static GlueCatalog.Options options(Map<String, String> env) {
        GlueCatalog.Options o = GlueCatalog.Options.defaults();
        String margin = env.get(CRAWLER_MARGIN);
        if (margin == null || margin.isBlank()) return o;
        try {
            return new GlueCatalog.Options(Duration.ofSeconds(Long.parseLong(margin.trim())), o.pollBase(),
                    o.pollCap(), o.maxWait());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(CRAWLER_MARGIN + " must be a number of seconds, got " + margin);
        }
    }

    /** A value built once, on first use. */
    private static final class Memo<T> {
        private final Supplier<T> factory;
        private T value;

        Memo(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (value == null) value = factory.get();
            return value;
        }
    }
}
