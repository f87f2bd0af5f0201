package io.cairn.quality.data;

import java.util.List;

/** A table whose cells a function gives. */
record CellTable(List<String> columns, int rowCount, Cell cell) implements Table {
  /** The value at a row and column. */
  interface Cell {
    Object at(int row, int column);
  }

  @Override
  public Object value(int row, int column) {
    return cell.at(row, column);
  }
}
