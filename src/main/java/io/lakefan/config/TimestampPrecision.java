package io.lakefan.config;

/**
 * Precision of timestamps in Parquet. {@code AUTO} writes milliseconds (what Athena and Glue read
 * everywhere) unless the source column holds more fractional digits (DATETIME(4..6)), which then
 * get microseconds so no digit is lost. {@code MILLIS} and {@code MICROS} force one precision
 * ({@code MILLIS} truncates extra digits: an explicit choice).
 */
public enum TimestampPrecision {
    AUTO, MILLIS, MICROS
}
