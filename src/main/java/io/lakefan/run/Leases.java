package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.Versioned;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases against overlapping runs ({@code _lakefan/locks/<database>/<table>.json}), the idempotency-store
 * pattern: a lease is taken when absent, expired, or already held by the same run and the same holder (a
 * retry). With a holder (the invocation's request id; Lambda's async retries keep it) a duplicate delivery
 * of the same run's event, running at the same time, does not get the lease: two invocations never write the
 * same deterministic keys at once. A lease ends at the holder's deadline at the latest, so the retry of a
 * timed-out invocation (a minute later or more) finds it expired.
 */
public final class Leases {
    private final ObjectStore lake;
    private final Duration duration;
    private final String holder;

    public Leases(ObjectStore lake, Duration duration) {
        this(lake, duration, null);
    }

    /** {@code holder} names who takes leases (null: any invocation of a run may take over that run's lease). */
    public Leases(ObjectStore lake, Duration duration, String holder) {
        this.lake = lake;
        this.duration = duration;
        this.holder = holder;
    }

    /** The lease record; {@code holder} is absent in leases taken without one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lease(String runId, Instant expiresAt, String holder) {
    }

    /** Empty when taken; otherwise the lease of the run that holds the table. */
    public Optional<Lease> acquire(String database, String table, String runId, Instant now) {
        return acquire(database, table, runId, now, Long.MAX_VALUE);
    }

    /**
     * Empty when taken, for the lease duration or {@code remainingMillis} (the invocation's time left), whichever
     * ends first; otherwise the lease of whoever holds the table: another run, or another invocation of this run.
     */
    public Optional<Lease> acquire(String database, String table, String runId, Instant now, long remainingMillis) {
        String key = LakeLayout.lock(database, table);
        Instant until = remainingMillis < duration.toMillis() ? now.plusMillis(Math.max(0, remainingMillis))
                : now.plus(duration);
        byte[] mine = Json.write(new Lease(runId, until, holder));
        for (int i = 0; i < 5; i++) {
            Optional<Versioned> current = lake.get(key);
            if (current.isEmpty()) {
                if (lake.putIfAbsent(key, mine)) return Optional.empty();
                continue;
            }
            Lease held = Json.read(current.get().content(), Lease.class, key);
            if (!mayTakeOver(held, runId) && held.expiresAt().isAfter(now)) return Optional.of(held);
            if (lake.putIfMatch(key, mine, current.get().etag())) return Optional.empty();
        }
        return lake.get(key).map(v -> Json.read(v.content(), Lease.class, key));
    }

    private boolean mayTakeOver(Lease held, String runId) {
        return held.runId().equals(runId) && (held.holder() == null || holder == null || held.holder().equals(holder));
    }

    /** Extends a lease this run holds (a continuation keeps the table). */
    public void renew(String database, String table, String runId, Instant now) {
        acquire(database, table, runId, now);
    }

    /** Releases the lease if this run still holds it. */
    public void release(String database, String table, String runId) {
        String key = LakeLayout.lock(database, table);
        lake.get(key).ifPresent(v -> {
            if (mayTakeOver(Json.read(v.content(), Lease.class, key), runId)) lake.delete(List.of(key));
        });
    }
}
