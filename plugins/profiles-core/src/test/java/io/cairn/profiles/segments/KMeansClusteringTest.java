package io.cairn.profiles.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** K-means recovers planted customer groups whose features live on very different scales. */
class KMeansClusteringTest {
  private static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary");
  /** Centres of four planted groups: recency in days, orders, money. */
  private static final double[][] CENTRES = {{10, 12, 2000}, {200, 2, 150}, {30, 5, 600}, {400, 1, 40}};
  private static final double[][] SPREAD = {{5, 1.5, 150}, {30, 0.6, 40}, {8, 0.8, 80}, {40, 0.3, 10}};

  private int[] truth;

  private double[][] planted(int perGroup, long seed) {
    Random r = new Random(seed);
    double[][] rows = new double[perGroup * CENTRES.length][];
    truth = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int g = i % CENTRES.length;
      truth[i] = g;
      rows[i] = new double[FEATURES.size()];
      for (int f = 0; f < FEATURES.size(); f++) {
        rows[i][f] = CENTRES[g][f] + SPREAD[g][f] * r.nextGaussian();
      }
    }
    return rows;
  }

  @Test
  void plantedGroupsAreRecoveredAndKIsChosenBySilhouette() {
    double[][] rows = planted(150, 3);
    KMeansClustering.Result result = KMeansClustering.upTo(6).fit(FEATURES, rows);
    double ari = ClusterQuality.adjustedRandIndex(truth, result.assignments());
    System.out.printf(Locale.ROOT, "k-means: chose k=%d, silhouettes %s, adjusted Rand index %.4f%n%s",
        result.k(), result.silhouettes(), ari, ClusterSummary.describe(result.summaries()));
    assertThat(result.k()).isEqualTo(4);
    assertThat(result.silhouettes()).containsOnlyKeys(2, 3, 4, 5, 6);
    assertThat(ari).isGreaterThanOrEqualTo(0.9);
    assertThat(result.summaries()).hasSize(4).allSatisfy(s -> assertThat(s.size()).isBetween(130, 170));
    // the summary is in original units: one cluster is the planted big spenders
    assertThat(result.summaries()).anySatisfy(s -> {
      assertThat(s.means().get("monetary")).isBetween(1900.0, 2100.0);
      assertThat(s.means().get("frequency")).isBetween(11.0, 13.0);
    });
    assertThat(ClusterSummary.describe(result.summaries())).contains("cluster 0 (").contains("monetary=");
  }

  @Test
  void theModelAssignsNewRowsLikeTheFit() {
    double[][] rows = planted(100, 5);
    KMeansClustering.Result result = new KMeansClustering(4, 4, 100, 1, 500).fit(FEATURES, rows);
    int[] fresh = new int[CENTRES.length];
    for (int g = 0; g < CENTRES.length; g++) {
      fresh[g] = result.model().predict(new org.tribuo.impl.ArrayExample<>(
          org.tribuo.clustering.ClusteringFactory.UNASSIGNED_CLUSTER_ID, FEATURES.toArray(String[]::new), CENTRES[g]))
          .getOutput().getID();
      int member = g;
      assertThat(fresh[g]).isEqualTo(result.assignments()[member]);
    }
    assertThat(java.util.Arrays.stream(fresh).distinct().count()).isEqualTo(4);
  }

  @Test
  void badSettingsAndDataAreRefused() {
    assertThatThrownBy(() -> new KMeansClustering(1, 3, 10, 1, 10)).hasMessageContaining("2 <= minK <= maxK");
    assertThatThrownBy(() -> KMeansClustering.upTo(5).fit(FEATURES, new double[3][3]))
        .hasMessageContaining("needs more than 5 rows, not 3");
    assertThatThrownBy(() -> KMeansClustering.upTo(2).fit(FEATURES, new double[][] {{1, 2}, {1, 2}, {1, 2}}))
        .hasMessageContaining("a row has 2 values for 3 features");
  }

  @Test
  void adjustedRandIndexIgnoresLabelNamesAndPunishesMixing() {
    assertThat(ClusterQuality.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {5, 5, 3, 3})).isEqualTo(1.0);
    assertThat(ClusterQuality.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isLessThan(0.0);
  }
}
