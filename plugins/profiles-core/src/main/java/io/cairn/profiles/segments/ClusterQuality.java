package io.cairn.profiles.segments;

import java.util.HashMap;
import java.util.Map;

/** Measures of a clustering: the silhouette (internal) and the adjusted Rand index against a truth. */
public final class ClusterQuality {
  private ClusterQuality() {}

  /**
   * The mean silhouette of points {@code x} with cluster labels: for each point, (b - a) / max(a, b), where a
   * is its mean distance to its own cluster and b to the nearest other cluster; 0 for singletons. In
   * [-1, 1], higher is better. Quadratic in the number of points: pass a sample of large sets.
   */
  public static double silhouette(double[][] x, int[] labels) {
    int k = 0;
    for (int l : labels) {
      k = Math.max(k, l + 1);
    }
    int[] sizes = new int[k];
    for (int l : labels) {
      sizes[l]++;
    }
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      double[] sum = new double[k];
      for (int j = 0; j < x.length; j++) {
        if (i != j) {
          sum[labels[j]] += distance(x[i], x[j]);
        }
      }
      int own = labels[i];
      if (sizes[own] <= 1) {
        continue;
      }
      double a = sum[own] / (sizes[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && sizes[c] > 0) {
          b = Math.min(b, sum[c] / sizes[c]);
        }
      }
      total += b == Double.POSITIVE_INFINITY ? 0 : (b - a) / Math.max(a, b);
    }
    return total / x.length;
  }

  /** Hubert and Arabie's adjusted Rand index of two labelings of the same points: 1 when they agree. */
  public static double adjustedRandIndex(int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("labelings of " + truth.length + " and " + predicted.length + " points");
    }
    Map<Long, Long> cells = new HashMap<>();
    Map<Integer, Long> rows = new HashMap<>();
    Map<Integer, Long> cols = new HashMap<>();
    for (int i = 0; i < truth.length; i++) {
      cells.merge(((long) truth[i] << 32) | (predicted[i] & 0xffffffffL), 1L, Long::sum);
      rows.merge(truth[i], 1L, Long::sum);
      cols.merge(predicted[i], 1L, Long::sum);
    }
    double index = cells.values().stream().mapToDouble(ClusterQuality::pairs).sum();
    double a = rows.values().stream().mapToDouble(ClusterQuality::pairs).sum();
    double b = cols.values().stream().mapToDouble(ClusterQuality::pairs).sum();
    double expected = a * b / pairs(truth.length);
    double max = (a + b) / 2;
    return max == expected ? 1 : (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }

  static double distance(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double d = p[i] - q[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
