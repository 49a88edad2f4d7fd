package io.lakefan.parquet;

import io.lakefan.lake.LakeException;
import io.lakefan.lake.ObjectStore;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads Parquet footers from the lake with two ranged reads and no Hadoop (local validation of row counts). */
public final class ParquetFooters {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFooters() {
    }

    /**
     * The number of rows in the Parquet file at {@code key}, from its footer.
     *
     * @param size the object's size in bytes (from a listing)
     * @throws LakeException when the object is not a complete Parquet file
     */
    public static long rowCount(ObjectStore store, String key, long size) {
        return footer(store, key, size).getNum_rows();
    }

    static FileMetaData footer(ObjectStore store, String key, long size) {
        if (size < 12) throw notParquet(store, key, "only " + size + " bytes");
        byte[] tail = store.readRange(key, size - 8, 8);
        if (tail.length != 8 || !endsWithMagic(tail)) {
            throw notParquet(store, key, "it does not end with the Parquet magic PAR1 (truncated or another format)");
        }
        int length = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length <= 0 || length > size - 12) throw notParquet(store, key, "footer length " + length + " does not fit the file");
        byte[] footer = store.readRange(key, size - 8 - length, length);
        try {
            return Util.readFileMetaData(new ByteArrayInputStream(footer));
        } catch (IOException | RuntimeException e) {
            throw notParquet(store, key, "its footer cannot be decoded (" + e.getMessage() + ")");
        }
    }

    private static boolean endsWithMagic(byte[] tail) {
        for (int i = 0; i < 4; i++) if (tail[4 + i] != MAGIC[i]) return false;
        return true;
    }

    private static LakeException notParquet(ObjectStore store, String key, String why) {
        return new LakeException(store.describe(key) + " is not a readable Parquet file: " + why);
    }
}
