package io.lakefan.aws;

import java.util.Map;

/**
 * Tuning of {@link S3ObjectStore}.
 *
 * @param partSize       bytes per multipart part (5 MiB to 5 GiB); objects smaller than one part are one PutObject
 * @param partsInFlight  parts of one output uploading while the next fills: memory per output is at most
 *                       {@code (partsInFlight + 1) * partSize}
 * @param uploadThreads  threads that upload parts, shared by all outputs of a store
 * @param listPageSize   keys per ListObjectsV2 page (at most 1,000)
 */
public record S3Options(int partSize, int partsInFlight, int uploadThreads, int listPageSize) {

    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    /** Environment variable: multipart part size in MiB (default 8). */
    public static final String PART_SIZE_ENV = "LAKEFAN_S3_PART_SIZE_MB";

    public S3Options {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least 5 MiB (S3's minimum part size), got " + partSize);
        }
        if (partsInFlight < 1 || uploadThreads < 1) {
            throw new IllegalArgumentException("partsInFlight and uploadThreads must be at least 1");
        }
        if (listPageSize < 1 || listPageSize > 1000) {
            throw new IllegalArgumentException("listPageSize must be 1..1000, got " + listPageSize);
        }
    }

    public static S3Options defaults() {
        return new S3Options(DEFAULT_PART_SIZE, 2, 4, 1000);
    }

    /** The defaults, with the part size from {@value #PART_SIZE_ENV} when set. */
    public static S3Options fromEnvironment(Map<String, String> env) {
        String mb = env.get(PART_SIZE_ENV);
        if (mb == null || mb.isBlank()) return defaults();
        try {
            return defaults().withPartSize(Math.multiplyExact(Integer.parseInt(mb.trim()), 1024 * 1024));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(PART_SIZE_ENV + " must be a whole number of MiB (5 to 2047), got: " + mb);
        }
    }

    public S3Options withPartSize(int bytes) {
        return new S3Options(bytes, partsInFlight, uploadThreads, listPageSize);
    }

    public S3Options withPartsInFlight(int parts) {
        return new S3Options(partSize, parts, uploadThreads, listPageSize);
    }

    public S3Options withListPageSize(int keys) {
        return new S3Options(partSize, partsInFlight, uploadThreads, keys);
    }
}
