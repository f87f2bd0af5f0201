package io.cairn.profiles.models;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Scores a batch of rows in one call: rows come as one row-major {@code double[]} of raw feature values in
 * {@link #features} order, one score per row goes out. Implementations are immutable and thread-safe.
 */
public interface BatchScorer {
  /** The feature names, in the order each row's values come in. */
  List<String> features();

  /**
   * Scores {@code rows} rows.
   *
   * @param x {@code rows * features().size()} values, row after row
   * @param out receives the score of row {@code i} at {@code out[i]}
   * @throws IllegalArgumentException when {@code x} or {@code out} is too short
   */
  void score(double[] x, int rows, double[] out);

  /** The cells of a batch: the value in a row's column, as a flow step sees it. */
  @FunctionalInterface
  interface Cells {
    Object get(int row, int column);
  }

  /**
   * Scores the rows of a batch whose feature cells are all numbers and which are {@code eligible}, with one
   * {@link #score} call for all of them; the other rows get {@code NaN}.
   *
   * @param columns the column of each feature, in {@link #features} order
   */
  default double[] scoreCells(int rows, int[] columns, Cells cells, IntPredicate eligible) {
    int width = columns.length;
    double[] x = new double[rows * width];
    int[] kept = new int[rows];
    int n = 0;
    rows:
    for (int r = 0; r < rows; r++) {
      if (!eligible.test(r)) {
        continue;
      }
      int at = n * width;
      for (int f = 0; f < width; f++) {
        if (!(cells.get(r, columns[f]) instanceof Number v)) {
          continue rows;
        }
        x[at + f] = v.doubleValue();
      }
      kept[n++] = r;
    }
    double[] scores = new double[n];
    score(x, n, scores);
    double[] out = new double[rows];
    java.util.Arrays.fill(out, Double.NaN);
    for (int i = 0; i < n; i++) {
      out[kept[i]] = scores[i];
    }
    return out;
  }

  /** Checks the lengths {@link #score} is given. */
  static void checkShape(BatchScorer scorer, double[] x, int rows, double[] out) {
    int width = scorer.features().size();
    if (rows < 0 || x.length < (long) rows * width || out.length < rows) {
      throw new IllegalArgumentException(rows + " rows of " + width + " features need " + (long) rows * width
          + " values and " + rows + " outputs, not " + x.length + " and " + out.length);
    }
  }
}
