package io.cairn.quality.rules;

/** The test a row rule runs on every row; may keep state across batches (unique over a window). */
interface RowTest {
  /** Called once per batch before the rows; resolves columns, computes batch statistics. */
  default void prepare(Pass pass) {}

  boolean passes(Pass.Rec row);

  /**
   * Tests the rows still in the flow in order, as {@link #passes} row by row (with the same effects), writing
   * the positions in {@code rows} of those that fail to {@code out} (at least {@code rows.size()} long);
   * returns how many failed.
   */
  default int failing(java.util.List<Pass.Rec> rows, int[] out) {
    int k = 0;
    for (int i = 0, n = rows.size(); i < n; i++) {
      if (!passes(rows.get(i))) {
        out[k++] = i;
      }
    }
    return k;
  }

  /** The checked column's position, or -1 when the test reads several columns. */
  int column();

  /** Why the row fails, naming the offending value, e.g. {@code value 'x' is not a valid email}. */
  String failure(Pass.Rec row);

  /** The fix used by {@code action: fix} when the rule names none, or null. */
  default ValueFix defaultFix() {
    return null;
  }
}
