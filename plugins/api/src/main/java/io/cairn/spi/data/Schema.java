package io.cairn.spi.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** An ordered list of uniquely named columns. Immutable and thread-safe. */
public final class Schema {
  private final List<Column> columns;
  private final Map<String, Integer> index;

  private Schema(List<Column> columns) {
    this.columns = List.copyOf(columns);
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < this.columns.size(); i++) {
      if (idx.put(this.columns.get(i).name(), i) != null) {
        throw new IllegalArgumentException("column '" + this.columns.get(i).name() + "' appears twice");
      }
    }
    this.index = Map.copyOf(idx);
  }

  public static Schema of(List<Column> columns) {
    return new Schema(columns);
  }

  public static Schema of(Column... columns) {
    return new Schema(List.of(columns));
  }

  public List<Column> columns() {
    return columns;
  }

  public int size() {
    return columns.size();
  }

  public Column column(int i) {
    return columns.get(i);
  }

  /** The position of the named column, or empty when there is none. */
  public OptionalInt indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The position of the named column; throws when there is none, naming the columns there are. */
  public int require(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no column '" + name + "' in " + names());
    }
    return i;
  }

  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
