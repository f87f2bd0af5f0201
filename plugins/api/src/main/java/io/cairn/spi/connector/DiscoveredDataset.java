package io.cairn.spi.connector;

import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.util.List;
import java.util.Objects;

/**
 * A dataset a source can read, found by {@link SourceConnector#discover}: its name, kind, schema and keys.
 *
 * @param dataset the dataset, named as the source's tasks name it in lineage
 * @param kind what it is in the source's terms, e.g. {@code table}, {@code view}, {@code topic}
 * @param schema its columns with their logical types and nullability
 * @param primaryKey the columns of its primary key in key order; empty when it has none
 * @param foreignKeys the keys by which it refers to other datasets
 * @param description the source's own comment on it, or an empty string
 */
public record DiscoveredDataset(DatasetRef dataset, String kind, Schema schema, List<String> primaryKey,
    List<ForeignKey> foreignKeys, String description) {
  public DiscoveredDataset {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(schema, "schema");
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
    description = description == null ? "" : description;
  }

  /**
   * A reference from some columns of this dataset to the key of another.
   *
   * @param name the constraint's name, or an empty string
   * @param columns this dataset's columns, in key order
   * @param references the referenced dataset
   * @param referencedColumns the referenced columns, in the same order as {@code columns}
   */
  public record ForeignKey(String name, List<String> columns, DatasetRef references, List<String> referencedColumns) {
    public ForeignKey {
      name = name == null ? "" : name;
      columns = List.copyOf(columns);
      Objects.requireNonNull(references, "references");
      referencedColumns = List.copyOf(referencedColumns);
      if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
        throw new IllegalArgumentException("a foreign key needs as many referenced columns as columns");
      }
    }
  }
}
