package io.lakefan.extract;

import io.lakefan.config.Names;
import io.lakefan.run.KeyColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The order a unit reads in, and the condition that resumes strictly after a key: for keys (a, b) after
 * (x, y) it is {@code a > x OR (a = x AND b > y)}, which indexes serve and which is exact when (a, b) is unique.
 */
final class KeyOrder {
    private KeyOrder() {
    }

    static String orderBy(List<KeyColumn> keys) {
        return keys.stream().map(k -> Names.quote(k.name())).collect(Collectors.joining(", "));
    }

    /** The resume condition and its typed values ({type, value} pairs) for {@code after}. */
    static SourceQuery after(SourceQuery q, List<KeyColumn> keys, List<String> after) {
        if (after.size() != keys.size()) {
            throw new IllegalArgumentException("a resume position has " + after.size() + " values for keys " + keys);
        }
        List<String> ors = new ArrayList<>();
        List<Object[]> binds = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                ands.add(Names.quote(keys.get(j).name()) + " = ?");
                binds.add(new Object[]{keys.get(j).type(), nonNull(after.get(j), keys.get(j))});
            }
            ands.add(Names.quote(keys.get(i).name()) + " > ?");
            binds.add(new Object[]{keys.get(i).type(), nonNull(after.get(i), keys.get(i))});
            ors.add(ands.size() == 1 ? ands.get(0) : "(" + String.join(" AND ", ands) + ")");
        }
        return q.where("(" + String.join(" OR ", ors) + ")", binds);
    }

    private static String nonNull(String v, KeyColumn k) {
        if (v == null) {
            throw new IllegalStateException("key column " + k.name() + " is NULL in the last row written; a read can "
                    + "only be resumed after non-NULL keys: configure a primaryKey whose columns are NOT NULL");
        }
        return v;
    }
}
