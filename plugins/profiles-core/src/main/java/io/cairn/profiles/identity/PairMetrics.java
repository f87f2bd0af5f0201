package io.cairn.profiles.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision and recall of a clustering of records against the truth: a pair of records counts
 * when both put it in one cluster.
 *
 * @param truePairs pairs together in both
 * @param predictedPairs pairs together in the prediction
 * @param actualPairs pairs together in the truth
 */
public record PairMetrics(long truePairs, long predictedPairs, long actualPairs) {

  /**
   * Compares predicted clusters with the true entity of every record.
   *
   * @param predicted clusters of record ids
   * @param truth the true entity of each record id; every predicted record must have one
   */
  public static PairMetrics of(Collection<List<String>> predicted, Map<String, String> truth) {
    long predictedPairs = 0;
    long truePairs = 0;
    Map<String, Long> perEntity = new HashMap<>();
    for (List<String> cluster : predicted) {
      predictedPairs += pairs(cluster.size());
      Map<String, Long> within = new HashMap<>();
      for (String id : cluster) {
        String entity = truth.get(id);
        if (entity == null) {
          throw new IllegalArgumentException("no true entity for record '" + id + "'");
        }
        within.merge(entity, 1L, Long::sum);
        perEntity.merge(entity, 1L, Long::sum);
      }
      for (long n : within.values()) {
        truePairs += pairs(n);
      }
    }
    long actualPairs = perEntity.values().stream().mapToLong(PairMetrics::pairs).sum();
    return new PairMetrics(truePairs, predictedPairs, actualPairs);
  }

  /** The share of predicted pairs that are true; 1 when nothing was merged. */
  public double precision() {
    return predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
  }

  /** The share of true pairs that were found; 1 when there were none. */
  public double recall() {
    return actualPairs == 0 ? 1 : (double) truePairs / actualPairs;
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }
}
