package io.lakefan.run;

/**
 * The incremental window {@code (low, high]} on the watermark column. {@code low} is null on the first run;
 * {@code type} is how values are bound ({@code integer}, {@code decimal}, {@code datetime}, {@code date},
 * {@code string}).
 */
public record Window(String column, String type, String low, String high) {
}
