package io.cairn.catalog;

import java.util.Set;

/** A column of one schema version of a dataset. */
public record ColumnEntry(int position, String name, String dataType, boolean nullable, Set<String> tags) {
  public ColumnEntry {
    tags = Set.copyOf(tags);
  }
}
