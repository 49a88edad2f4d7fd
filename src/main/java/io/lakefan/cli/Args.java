package io.lakefan.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --flag value} and {@code --switch} parsing with clear errors for unknown or missing flags. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    private Args() {
    }

    static Args parse(List<String> argv, Set<String> withValue, Set<String> switches) {
        Args a = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String f = argv.get(i);
            String value = null;
            int eq = f.indexOf('=');
            if (f.startsWith("--") && eq > 0) {
                value = f.substring(eq + 1);
                f = f.substring(0, eq);
            }
            if (switches.contains(f)) {
                a.values.put(f, "true");
            } else if (withValue.contains(f)) {
                if (value == null) {
                    if (i + 1 >= argv.size()) throw new UsageException(f + " needs a value");
                    value = argv.get(++i);
                }
                a.values.put(f, value);
            } else {
                throw new UsageException("unknown option '" + f + "'");
            }
        }
        return a;
    }

    String get(String flag) {
        return values.get(flag);
    }

    String required(String flag) {
        String v = values.get(flag);
        if (v == null || v.isBlank()) throw new UsageException(flag + " is required");
        return v;
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }

    int intValue(String flag, int defaultValue, int min) {
        String v = values.get(flag);
        if (v == null) return defaultValue;
        try {
            int n = Integer.parseInt(v);
            if (n < min) throw new UsageException(flag + " must be at least " + min + ", got " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, got '" + v + "'");
        }
    }

    /** Wrong command-line use: printed with the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
