package io.cairn.quality.rules;

import io.cairn.quality.check.ColumnPredicate;
import io.cairn.quality.check.ValueCheck;
import io.cairn.quality.data.Values;
import java.util.List;

/**
 * A test of one column's values with a {@link ValueCheck}. Missing values pass (as in Great Expectations),
 * except for {@code not_null}, where null and blank text fail.
 */
class ColumnTest implements RowTest {
  final String rule;
  final String columnName;
  private final ValueCheck check;
  private final ValueFix defaultFix;
  int column = -1;

  ColumnTest(String rule, String columnName, ValueCheck check, ValueFix defaultFix) {
    this.rule = rule;
    this.columnName = columnName;
    this.check = check;
    this.defaultFix = defaultFix;
  }

  /** The {@code not_null} test: null and blank text fail. */
  static ColumnTest notNull(String rule, String column) {
    return new ColumnTest(rule, column, null, null);
  }

  @Override
  public void prepare(Pass pass) {
    column = pass.column(rule, columnName);
  }

  @Override
  public boolean passes(Pass.Rec row) {
    Object v = row.values()[column];
    if (check == null) {
      return !Fill.missing(v);
    }
    return v == null || check.passes(v);
  }

  @Override
  public int failing(List<Pass.Rec> rows, int[] out) {
    if (getClass() != ColumnTest.class) {
      return RowTest.super.failing(rows, out); // a subclass (outliers) has its own passes
    }
    if (check == null) {
      int k = 0;
      for (int i = 0, n = rows.size(); i < n; i++) {
        if (Fill.missing(rows.get(i).values()[column])) {
          out[k++] = i;
        }
      }
      return k;
    }
    return check.failing(new RowCells(rows, column), out);
  }

  /** One column of the rows, read in place. */
  private record RowCells(List<Pass.Rec> rows, int column) implements ColumnPredicate.Cells {
    @Override
    public int size() {
      return rows.size();
    }

    @Override
    public Object get(int i) {
      return rows.get(i).values()[column];
    }
  }

  @Override
  public int column() {
    return column;
  }

  @Override
  public String failure(Pass.Rec row) {
    Object v = row.values()[column];
    return check == null ? "value is missing" : "value '" + Values.text(v) + "' " + check.failure();
  }

  @Override
  public ValueFix defaultFix() {
    return defaultFix;
  }
}
