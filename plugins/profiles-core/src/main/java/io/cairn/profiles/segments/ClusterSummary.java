package io.cairn.profiles.segments;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One cluster described for people: its size and the mean of every feature in the original units.
 *
 * @param cluster the cluster number, 0-based
 * @param size how many profiles it holds
 * @param means feature means, in feature order
 */
public record ClusterSummary(int cluster, int size, Map<String, Double> means) {
  public ClusterSummary {
    means = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(means));
  }

  /** A table with one line per cluster, e.g. {@code cluster 0 (120 profiles): recency_days=12.5, ...}. */
  public static String describe(List<ClusterSummary> clusters) {
    StringBuilder sb = new StringBuilder();
    for (ClusterSummary c : clusters) {
      sb.append("cluster ").append(c.cluster()).append(" (").append(c.size()).append(" profiles):");
      String sep = " ";
      for (Map.Entry<String, Double> e : c.means().entrySet()) {
        sb.append(sep).append(e.getKey()).append('=').append(String.format(Locale.ROOT, "%.2f", e.getValue()));
        sep = ", ";
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
