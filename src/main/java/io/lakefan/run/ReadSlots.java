package io.lakefan.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.StoredObject;
import io.lakefan.lake.Versioned;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A cap on how many units of one run read the source at once, kept in the lake so it holds across Lambda
 * invocations: {@code n} slot objects taken with If-None-Match (or taken over once their lease ran out). A
 * unit that finds every slot taken leaves its event in a waiting list and ends; whoever releases a slot wakes
 * one waiter. Waiting costs no running invocation, unlike polling.
 */
public final class ReadSlots {
    private final ObjectStore lake;
    private final int slots;
    private final Duration lease;

    public ReadSlots(ObjectStore lake, int slots, Duration lease) {
        this.lake = lake;
        this.slots = slots;
        this.lease = lease;
    }

    /** The slot record. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Slot(String holder, Instant expiresAt) {
    }

    public boolean unlimited() {
        return slots <= 0;
    }

    /** Takes a free (or expired) slot; empty when all are held. */
    public Optional<String> acquire(String runId, String holder, Instant now) {
        byte[] mine = Json.write(new Slot(holder, now.plus(lease)));
        for (int k = 0; k < slots; k++) {
            String key = LakeLayout.readSlot(runId, k);
            Optional<Versioned> current = lake.get(key);
            if (current.isEmpty()) {
                if (lake.putIfAbsent(key, mine)) return Optional.of(key);
            } else if (Json.read(current.get().content(), Slot.class, key).expiresAt().isBefore(now)
                    && lake.putIfMatch(key, mine, current.get().etag())) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    public void release(String slotKey) {
        lake.delete(List.of(slotKey));
    }

    /** Leaves {@code event} in the waiting list; returns the waiter's key. */
    public String enqueue(String runId, String holder, byte[] event) {
        String key = LakeLayout.waitingPrefix(runId) + holder + "-" + UUID.randomUUID() + ".json";
        lake.put(key, event);
        return key;
    }

    /** Claims a waiter so that exactly one party runs it; the claimed waiter's record is removed. */
    public Optional<byte[]> claim(String waiterKey) {
        if (!lake.putIfAbsent(waiterKey + ".claim", ("claimed " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        Optional<byte[]> event = lake.get(waiterKey).map(Versioned::content);
        lake.delete(List.of(waiterKey));
        return event;
    }

    /** Waiting units, oldest first (by key order, which is stable enough to be fair). */
    public List<String> waiters(String runId) {
        return lake.list(LakeLayout.waitingPrefix(runId)).stream().map(StoredObject::key)
                .filter(k -> k.endsWith(".json")).toList();
    }
}
