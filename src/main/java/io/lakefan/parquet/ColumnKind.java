package io.lakefan.parquet;

/** How one source column is read and which Parquet type it lands as. */
enum ColumnKind {
    /** TINYINT: int32 annotated INT(8). */
    INT8,
    /** TINYINT UNSIGNED, SMALLINT: int32 annotated INT(16). */
    INT16,
    /** SMALLINT UNSIGNED, MEDIUMINT, INT, YEAR: int32. */
    INT32,
    /** INT UNSIGNED, BIGINT: int64. */
    INT64,
    /** BIGINT UNSIGNED: DECIMAL(20,0) from the decimal text. */
    UNSIGNED_BIGINT,
    /** BIT(n), n below 64: int64 from the big-endian bits. */
    BITS_LONG,
    /** BIT(64): DECIMAL(20,0) from the big-endian bits (an int64 would turn the top bit into a sign). */
    BITS_DECIMAL,
    /** TINYINT(1) with booleans on: nonzero is true. */
    BOOLEAN_INT,
    /** BIT(1) with booleans on. */
    BOOLEAN_BIT,
    /** DECIMAL(p,s), p up to 38: a fixed-length two's complement decimal. */
    DECIMAL,
    /** DECIMAL(p,s), p above 38 (beyond Athena's and Glue's maximum): the exact decimal text. */
    DECIMAL_TEXT,
    FLOAT,
    DOUBLE,
    /** DATE: days since 1970-01-01. */
    DATE,
    /** DATETIME: wall-clock timestamp, not UTC-adjusted. */
    DATETIME,
    /** TIMESTAMP: an instant, UTC-adjusted (the session is pinned to UTC, so its text is UTC). */
    TIMESTAMP,
    /** CHAR, VARCHAR, TEXT, ENUM, SET, JSON: UTF-8 string. */
    STRING,
    /** TIME: its text as a string (it can be negative or above 24 hours). */
    TIME_TEXT,
    /** BINARY, VARBINARY, BLOB: bytes as they are. */
    BINARY,
    /** Spatial types: WKB bytes (MySQL's internal format minus its 4-byte SRID prefix). */
    GEOMETRY;

    boolean isTimestamp() {
        return this == DATETIME || this == TIMESTAMP;
    }
}
