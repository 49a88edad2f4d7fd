package io.lakefan.cli;

import io.lakefan.Lakefan;
import io.lakefan.config.ConfigLoader;
import io.lakefan.config.LakefanConfig;
import io.lakefan.event.DispatchEvent;
import io.lakefan.finalize.Catalog;
import io.lakefan.finalize.Views;
import io.lakefan.local.FileObjectStore;
import io.lakefan.local.FooterRowCounter;
import io.lakefan.local.StaticCredentials;
import io.lakefan.local.ThreadPoolInvoker;
import io.lakefan.run.Plan;
import io.lakefan.run.RunSummary;
import io.lakefan.source.DbCredentials;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code lakefan run}: one run into a local lake, dispatch, extracts on a thread pool, finalize. */
final class RunCommand {
    static final String HELP = """
            Usage: java -jar lakefan.jar run --config FILE --jdbc-url URL --user USER --password-env VAR --lake DIR
                                             [--tables a,b] [--parallelism N] [--attempts N] [--run-id ID]

              --config FILE       the table list (config/table_name_list.json shape)
              --jdbc-url URL      jdbc:mysql://host:port/database; the database is the lake's database folder
              --user USER         database user
              --password-env VAR  name of the environment variable holding the password (never a flag value)
              --lake DIR          the lake folder; created when missing
              --tables a,b        only these configured tables (default: all)
              --parallelism N     tables extracted at once (default 4); bounds the load on the database
              --attempts N        attempts per table before it counts as failed (default 1)
              --run-id ID         resume run ID (one that was killed): tables it finished are kept, the others
                                  are extracted again after their partial files are deleted

            Prints progress per table, then a summary. Exit code 0 when every table landed, 1 when any
            table failed (the summary says why), 2 for bad usage or an invalid config.
            """;

    private RunCommand() {
    }

    static int run(List<String> argv, PrintStream out, Map<String, String> env) {
        Args a = Args.parse(argv, Set.of("--config", "--jdbc-url", "--user", "--password-env", "--lake", "--tables",
                "--parallelism", "--attempts", "--run-id"), Set.of());
        Path configFile = Path.of(a.required("--config"));
        String url = a.required("--jdbc-url");
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            throw new Args.UsageException("--jdbc-url must start with jdbc:mysql://, got " + url);
        }
        String user = a.required("--user");
        String passwordVar = a.get("--password-env");
        String password = null;
        if (passwordVar != null) {
            password = env.get(passwordVar);
            if (password == null) {
                throw new Args.UsageException("--password-env names " + passwordVar + ", which is not set");
            }
        }
        Path lakeDir = Path.of(a.required("--lake"));
        List<String> tables = a.get("--tables") == null ? List.of()
                : Arrays.stream(a.get("--tables").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        int parallelism = a.intValue("--parallelism", 4, 1);
        int attempts = a.intValue("--attempts", 1, 1);

        LakefanConfig config = ConfigLoader.load(configFile); // every problem reported before anything runs
        FileObjectStore lake = FileObjectStore.at(lakeDir);
        Progress progress = new Progress(out);
        try (ThreadPoolInvoker invoker = new ThreadPoolInvoker(parallelism, attempts)) {
            Lakefan lakefan = Lakefan.create(new Lakefan.Ports(lake, invoker,
                    new StaticCredentials(DbCredentials.of(url, user, password)), () -> config, Catalog.NONE,
                    new FooterRowCounter(lake), Views.NONE, progress, Clock.systemUTC()),
                    Lakefan.Settings.local("cli").withMaxAttempts(attempts)
                            .withTakeOver(a.get("--run-id") != null));
            invoker.bind(lakefan::handle);
            Plan plan = lakefan.dispatch(new DispatchEvent(a.get("--run-id"), tables, 0));
            out.printf("run %s: %d table(s) from database %s into %s%n", plan.runId(), plan.tables().size(),
                    plan.database(), lake.root());
            invoker.awaitIdle();
            RunSummary summary = lakefan.runs().summary(plan.runId()).orElseThrow(() -> new IllegalStateException(
                    "the run ended without a summary: " + invoker.failures()));
            SummaryTable.print(summary, out);
            out.printf("%nQuery the files, e.g. with DuckDB:%n  duckdb -c \"SELECT * FROM read_parquet('%s/%s/<table>/*/*.parquet', hive_partitioning=true) LIMIT 10\"%n",
                    lake.root(), plan.database());
            return summary.succeeded() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
