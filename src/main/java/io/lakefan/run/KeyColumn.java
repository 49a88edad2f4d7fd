package io.lakefan.run;

/** A column a unit of work is ordered by, with how its values bind ({@link Window} types). */
public record KeyColumn(String name, String type) {
}
