package io.lakefan.parquet;

/**
 * Parses MySQL's date and datetime text ({@code YYYY-MM-DD[ HH:MM:SS[.ffffff]]}) straight into epoch days,
 * milliseconds or microseconds, proleptic Gregorian like Parquet readers. No time zone is involved: the
 * text of a DATETIME is its wall clock, and the text of a TIMESTAMP is UTC because the session is pinned
 * to UTC. Zero and invalid dates ({@code 0000-00-00}, {@code 2024-00-10}, {@code 2024-02-30}) return
 * {@link #INVALID}.
 */
final class Temporal {
    /** Marker for a zero or invalid date. */
    static final long INVALID = Long.MIN_VALUE;

    private Temporal() {
    }

    /** Epoch day of {@code YYYY-MM-DD...}, or {@link #INVALID}. */
    static long epochDay(byte[] t) {
        if (t.length < 10 || t[4] != '-' || t[7] != '-') throw new IllegalArgumentException("not a date: " + new String(t));
        int y = digits(t, 0, 4);
        int m = digits(t, 5, 2);
        int d = digits(t, 8, 2);
        if (m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) return INVALID;
        return daysFromCivil(y, m, d);
    }

    /** Epoch milliseconds or microseconds of {@code YYYY-MM-DD HH:MM:SS[.f...]} read as UTC, or {@link #INVALID}. */
    static long epoch(byte[] t, boolean micros) {
        long day = epochDay(t);
        if (day == INVALID) return INVALID;
        long seconds = day * 86_400L;
        int fraction = 0;
        int digits = 0;
        if (t.length >= 19) {
            if (t[13] != ':' || t[16] != ':') throw new IllegalArgumentException("not a datetime: " + new String(t));
            seconds += digits(t, 11, 2) * 3600L + digits(t, 14, 2) * 60L + digits(t, 17, 2);
            for (int i = 20; i < t.length && digits < 6; i++, digits++) fraction = fraction * 10 + (t[i] - '0');
        }
        while (digits < 6) {
            fraction *= 10;
            digits++;
        }
        return micros ? seconds * 1_000_000L + fraction : seconds * 1_000L + fraction / 1_000;
    }

    private static int digits(byte[] t, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int c = t[i] - '0';
            if (c < 0 || c > 9) throw new IllegalArgumentException("not a date: " + new String(t));
            v = v * 10 + c;
        }
        return v;
    }

    private static int lengthOfMonth(int y, int m) {
        switch (m) {
            case 2:
                return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
