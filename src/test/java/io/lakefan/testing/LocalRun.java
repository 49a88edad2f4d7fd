package io.lakefan.testing;

import io.lakefan.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code lakefan run} in-process against the test database and a lake folder, capturing the output. */
public final class LocalRun {
    public static final String PASSWORD_VAR = "LAKEFAN_TEST_PASSWORD";

    /** What a run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private LocalRun() {
    }

    /** Writes {@code configJson} to a file and runs every table of it. */
    public static Result run(String database, Path lake, String configJson, String... extra) {
        return runWithPassword(database, lake, configJson, TestDatabase.PASSWORD, extra);
    }

    public static Result runWithPassword(String database, Path lake, String configJson, String password, String... extra) {
        try {
            Path config = Files.createTempFile("lakefan-config", ".json");
            Files.writeString(config, configJson);
            List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(),
                    "--jdbc-url", TestDatabase.get().url(database), "--user", TestDatabase.USER,
                    "--password-env", PASSWORD_VAR, "--lake", lake.toString()));
            args.addAll(List.of(extra));
            return main(args, Map.of(PASSWORD_VAR, password));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Result main(List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The DuckDB source expression for every file of a table in a local lake. */
    public static String files(Path lake, String database, String table) {
        return "read_parquet('" + lake.resolve(database).resolve(table) + "/*/*.parquet', hive_partitioning=true)";
    }

    /** The run id printed by {@code lakefan run}. */
    public static String runId(Result r) {
        for (String line : r.out().split("\n")) {
            if (line.startsWith("run ") && line.contains(":")) return line.substring(4, line.indexOf(':'));
        }
        throw new IllegalStateException("no run id in output:\n" + r);
    }
}
