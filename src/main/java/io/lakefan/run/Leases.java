package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * pattern: a lease is taken when absent, expired, or already held by the same run (a retry of that run).
 */
public final class Leases {
    private final ObjectStore lake;
    private final Duration duration;

    public Leases(ObjectStore lake, Duration duration) {
        this.lake = lake;
        this.duration = duration;
    }

    /** The lease record. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lease(String runId, Instant expiresAt) {
    }

    /** Empty when taken; otherwise the lease of the run that holds the table. */
    public Optional<Lease> acquire(String database, String table, String runId, Instant now) {
        String key = LakeLayout.lock(database, table);
        byte[] mine = Json.write(new Lease(runId, now.plus(duration)));
        for (int i = 0; i < 5; i++) {
            Optional<Versioned> current = lake.get(key);
            if (current.isEmpty()) {
                if (lake.putIfAbsent(key, mine)) return Optional.empty();
                continue;
            }
            Lease held = Json.read(current.get().content(), Lease.class, key);
            if (!held.runId().equals(runId) && held.expiresAt().isAfter(now)) return Optional.of(held);
            if (lake.putIfMatch(key, mine, current.get().etag())) return Optional.empty();
        }
        return lake.get(key).map(v -> Json.read(v.content(), Lease.class, key));
    }

    /** Extends a lease this run holds (a continuation keeps the table). */
    public void renew(String database, String table, String runId, Instant now) {
        acquire(database, table, runId, now);
    }

    /** Releases the lease if this run still holds it. */
    public void release(String database, String table, String runId) {
        String key = LakeLayout.lock(database, table);
        lake.get(key).ifPresent(v -> {
            if (Json.read(v.content(), Lease.class, key).runId().equals(runId)) lake.delete(List.of(key));
        });
    }
}
