package io.cairn.profiles.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** How well scores rank outcomes: ROC points and lift by decile, from held-out scores and outcomes. */
public final class Curves {
  private Curves() {}

  /** A point of the ROC curve. */
  public record RocPoint(double fpr, double tpr) {}

  /** The lift of one decile (1 = the top tenth by score): its outcome rate over the overall rate. */
  public record Lift(int decile, double lift) {}

  /**
   * The ROC curve from (0,0) to (1,1), one point per distinct score (thinned to at most {@code maxPoints}).
   *
   * @throws IllegalArgumentException when the lengths differ or a class is missing
   */
  public static List<RocPoint> roc(double[] scores, boolean[] outcomes, int maxPoints) {
    Integer[] order = rank(scores, outcomes);
    long positives = 0;
    for (boolean o : outcomes) {
      positives += o ? 1 : 0;
    }
    long negatives = outcomes.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("a ROC curve needs outcomes of both kinds");
    }
    List<RocPoint> all = new ArrayList<>(List.of(new RocPoint(0, 0)));
    long tp = 0;
    long fp = 0;
    for (int i = 0; i < order.length; i++) {
      if (outcomes[order[i]]) {
        tp++;
      } else {
        fp++;
      }
      if (i == order.length - 1 || scores[order[i + 1]] != scores[order[i]]) {
        all.add(new RocPoint((double) fp / negatives, (double) tp / positives));
      }
    }
    if (all.size() <= maxPoints) {
      return all;
    }
    List<RocPoint> thin = new ArrayList<>();
    for (int i = 0; i < maxPoints; i++) {
      thin.add(all.get((int) Math.round((double) i * (all.size() - 1) / (maxPoints - 1))));
    }
    return thin;
  }

  /**
   * The lift of each decile of rows ranked by score, best first.
   *
   * @throws IllegalArgumentException when the lengths differ, there are fewer than ten rows, or no outcome
   */
  public static List<Lift> liftByDecile(double[] scores, boolean[] outcomes) {
    Integer[] order = rank(scores, outcomes);
    int n = order.length;
    long positives = 0;
    for (boolean o : outcomes) {
      positives += o ? 1 : 0;
    }
    if (n < 10 || positives == 0) {
      throw new IllegalArgumentException("lift by decile needs at least ten rows and some outcomes");
    }
    double base = (double) positives / n;
    List<Lift> out = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      int from = d * n / 10;
      int to = (d + 1) * n / 10;
      long hits = 0;
      for (int i = from; i < to; i++) {
        hits += outcomes[order[i]] ? 1 : 0;
      }
      out.add(new Lift(d + 1, ((double) hits / (to - from)) / base));
    }
    return out;
  }

  private static Integer[] rank(double[] scores, boolean[] outcomes) {
    if (scores.length != outcomes.length) {
      throw new IllegalArgumentException(scores.length + " scores for " + outcomes.length + " outcomes");
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    return order;
  }
}
