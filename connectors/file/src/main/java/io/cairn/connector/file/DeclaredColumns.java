package io.cairn.connector.file;

import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parses a declared schema such as {@code id:LONG,email:STRING,signup:DATE}; a bare name is a STRING. */
final class DeclaredColumns {
  static final List<String> TYPE_NAMES = Arrays.stream(ColumnType.values()).map(Enum::name).toList();

  private DeclaredColumns() {}

  /**
   * Parses the declaration.
   *
   * @throws IllegalArgumentException naming the entry that is wrong
   */
  static Schema parse(String declaration) {
    List<Column> columns = new ArrayList<>();
    for (String entry : declaration.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int colon = e.indexOf(':');
      String name = (colon < 0 ? e : e.substring(0, colon)).trim();
      String type = colon < 0 ? "STRING" : e.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("'" + e + "' has no column name");
      }
      if (!TYPE_NAMES.contains(type)) {
        throw new IllegalArgumentException("'" + e + "' has an unknown type (known: " + TYPE_NAMES + ")");
      }
      columns.add(Column.of(name, ColumnType.valueOf(type)));
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("no columns declared");
    }
    return Schema.of(columns);
  }

  /** A schema of STRING columns with the given names. */
  static Schema strings(List<String> names) {
    return Schema.of(names.stream().map(n -> Column.of(n, ColumnType.STRING)).toList());
  }
}
