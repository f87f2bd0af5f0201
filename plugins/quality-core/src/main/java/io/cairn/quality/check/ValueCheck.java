package io.cairn.quality.check;

import java.util.function.Predicate;

/**
 * A test of one non-null value, with what a failing value is not, for people: a value fails
 * {@code inSet([a, b])} because it "is not in [a, b]". Thread-safe.
 *
 * @param failure what a failing value is not, e.g. {@code is not a valid email}
 * @param test the test; never given null
 */
public record ValueCheck(String failure, Predicate<Object> test) {
  public boolean passes(Object value) {
    return test.test(value);
  }

  /**
   * The positions of the non-null values of a column that fail, written to {@code out} (ascending, at least
   * {@code cells.size()} long); returns how many. Same results as {@link #passes} value by value.
   */
  public int failing(ColumnPredicate.Cells cells, int[] out) {
    if (test instanceof ColumnPredicate p) {
      return p.failing(cells, out);
    }
    int k = 0;
    for (int i = 0, n = cells.size(); i < n; i++) {
      Object v = cells.get(i);
      if (v != null && !test.test(v)) {
        out[k++] = i;
      }
    }
    return k;
  }
}
