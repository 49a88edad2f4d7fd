package io.lakefan.dispatch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Run ids for runs that were not started by a schedule: {@code 20261122T001512Z-3f2a9c}, sortable by time. */
public final class RunIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next(Clock clock, String prefix) {
        return prefix + TIME.format(clock.instant()) + "-" + String.format("%06x", RANDOM.nextInt(1 << 24));
    }
}
