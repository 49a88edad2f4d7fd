package io.lakefan.cli;

import io.lakefan.config.ConfigException;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code java -jar lakefan.jar <command> ...}: the command-line entry point. */
public final class Main {
    static final String USAGE = """
            lakefan: land MySQL/MariaDB tables in a Parquet lake.

            Commands:
              run      extract tables into a local lake folder, on a thread pool (no AWS needed)
              invoke   run the Lambda handler in this process on an event file, against the AWS
                       endpoints the environment names (sam local invoke without Docker)

            java -jar lakefan.jar run --help
            java -jar lakefan.jar invoke --help
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err, System.getenv()));
    }

    /**
     * Runs a command and returns the process exit code: 0 success, 1 a table or the run failed, 2 bad usage or
     * config. {@code env} stands for the process environment (the password variable is read from it).
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.isEmpty() || List.of("--help", "-h", "help").contains(args.get(0))) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        String help = switch (command) {
            case "run" -> RunCommand.HELP;
            case "invoke" -> InvokeCommand.HELP;
            default -> null;
        };
        if (help == null) {
            err.println("unknown command '" + command + "'\n");
            err.print(USAGE);
            return 2;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(help);
            return 0;
        }
        try {
            return command.equals("run") ? RunCommand.run(rest, out, env) : InvokeCommand.run(rest, out, err, env,
                    io.lakefan.aws.AwsClients.fromEnvironment(env));
        } catch (Args.UsageException e) {
            err.println("lakefan " + command + ": " + e.getMessage() + "\n");
            err.print(help);
            return 2;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("lakefan " + command + " failed: " + e.getMessage());
            return 1;
        }
    }
}
