package io.cairn.quality.check;

import java.util.function.Predicate;

/**
 * A value test that can also run over a whole column: the loop lives in each test's own class, so the
 * per-value test is a direct, inlined call rather than one megamorphic call per value shared by every check.
 * {@link #failing} must agree with {@link #test} on every non-null value and skip null values.
 */
public interface ColumnPredicate extends Predicate<Object> {
  /** The values of one column of a batch, by position; null values are missing. */
  interface Cells {
    int size();

    Object get(int i);
  }

  /**
   * Writes the positions of the non-null values that fail the test to {@code out} (ascending; at least
   * {@code cells.size()} long) and returns how many there are.
   */
  int failing(Cells cells, int[] out);
}
