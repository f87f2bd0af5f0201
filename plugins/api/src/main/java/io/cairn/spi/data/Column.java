package io.cairn.spi.data;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A column of a schema.
 *
 * @param name the column name
 * @param type the logical type
 * @param nullable whether values may be null
 * @param tags classification tags such as {@code PII}, {@code PII.email}, {@code sensitive}
 */
public record Column(String name, ColumnType type, boolean nullable, Set<String> tags) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("column name must not be blank");
    }
    tags = Set.copyOf(tags == null ? Set.of() : tags);
  }

  public static Column of(String name, ColumnType type) {
    return new Column(name, type, true, Set.of());
  }

  /** This column with the given tags added. */
  public Column withTags(String... more) {
    Set<String> t = new TreeSet<>(tags);
    t.addAll(Set.of(more));
    return new Column(name, type, nullable, t);
  }
}
