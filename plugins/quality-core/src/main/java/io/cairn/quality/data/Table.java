package io.cairn.quality.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only rows of values under named columns. Implementations need not be thread-safe. */
public interface Table {
  /** The column names, in order. */
  List<String> columns();

  int rowCount();

  /** The value at a row and column position; null when missing. */
  Object value(int row, int column);

  /** The position of a column, or -1 when there is none. */
  default int indexOf(String column) {
    return columns().indexOf(column);
  }

  /** Every value of one column, nulls included, in row order. */
  default List<Object> column(int column) {
    List<Object> values = new ArrayList<>(rowCount());
    for (int r = 0; r < rowCount(); r++) {
      values.add(value(r, column));
    }
    return values;
  }

  /**
   * A table from columns of values, as JSON gives them ({@code {"a": [1, 2], "b": ["x", null]}}).
   *
   * @throws IllegalArgumentException when the columns do not all have the same length
   */
  static Table ofColumns(Map<String, ? extends List<?>> data) {
    Map<String, List<?>> copy = new LinkedHashMap<>(data);
    List<String> names = List.copyOf(copy.keySet());
    int rows = names.isEmpty() ? 0 : copy.get(names.getFirst()).size();
    for (String name : names) {
      if (copy.get(name).size() != rows) {
        throw new IllegalArgumentException("column '" + name + "' has " + copy.get(name).size()
            + " values but column '" + names.getFirst() + "' has " + rows);
      }
    }
    List<List<?>> columns = names.stream().<List<?>>map(copy::get).toList();
    return new CellTable(names, rows, (r, c) -> columns.get(c).get(r));
  }

  /** A table over rows of values in column order; the rows are read, not copied. */
  static Table ofRows(List<String> columns, List<Object[]> rows) {
    return new CellTable(List.copyOf(columns), rows.size(), (r, c) -> rows.get(r)[c]);
  }
}
