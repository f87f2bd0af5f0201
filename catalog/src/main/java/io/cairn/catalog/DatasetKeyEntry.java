package io.cairn.catalog;

import java.util.List;

/**
 * A key of a dataset, as discovery found it.
 *
 * @param kind {@code primary} or {@code foreign}
 * @param name the constraint's name, or an empty string
 * @param columns the dataset's key columns in key order
 * @param refNamespace for a foreign key: the referenced dataset's namespace, else null
 * @param refName for a foreign key: the referenced dataset's name, else null
 * @param refColumns for a foreign key: the referenced columns, in the order of {@code columns}; else empty
 */
public record DatasetKeyEntry(String kind, String name, List<String> columns, String refNamespace, String refName,
    List<String> refColumns) {
  public static final String PRIMARY = "primary";
  public static final String FOREIGN = "foreign";

  public DatasetKeyEntry {
    columns = List.copyOf(columns);
    refColumns = refColumns == null ? List.of() : List.copyOf(refColumns);
  }
}
