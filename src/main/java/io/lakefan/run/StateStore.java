package io.lakefan.run;

import io.lakefan.json.Json;
import io.lakefan.lake.LakeLayout;
import io.lakefan.lake.ObjectStore;
import io.lakefan.lake.Versioned;

import java.util.Optional;

/** The watermark state of tables, with optimistic concurrency on the object's version tag. */
public final class StateStore {
    private final ObjectStore lake;

    public StateStore(ObjectStore lake) {
        this.lake = lake;
    }

    /** A state as read, with the tag to update it against (null tag: no state yet). */
    public record Read(WatermarkState state, String etag) {
    }

    public Read read(String database, String table) {
        String key = LakeLayout.state(database, table);
        Optional<Versioned> v = lake.get(key);
        return v.map(x -> new Read(Json.read(x.content(), WatermarkState.class, key), x.etag()))
                .orElse(new Read(null, null));
    }

    /** Writes the new state if nobody changed it since {@code read}; false when somebody did. */
    public boolean advance(String database, String table, Read read, WatermarkState next) {
        String key = LakeLayout.state(database, table);
        byte[] body = Json.write(next);
        return read.etag() == null ? lake.putIfAbsent(key, body) : lake.putIfMatch(key, body, read.etag());
    }
}
