package io.cairn.profiles.traits;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Quintile scores 1..5 by rank; equal values get equal scores (the score of the first of them). */
public final class Quintiles {
  private Quintiles() {}

  /**
   * The score of every value.
   *
   * @param higherIsBetter true for frequency and money, false for recency in days
   */
  public static int[] scores(double[] values, boolean higherIsBetter) {
    int n = values.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Comparator<Integer> byValue = Comparator.comparingDouble(i -> values[i]);
    Arrays.sort(order, higherIsBetter ? byValue : byValue.reversed());
    int[] scores = new int[n];
    int tieStart = 0;
    for (int p = 0; p < n; p++) {
      if (p > 0 && values[order[p]] != values[order[p - 1]]) {
        tieStart = p;
      }
      scores[order[p]] = 1 + (int) ((long) tieStart * 5 / n);
    }
    return scores;
  }
}
