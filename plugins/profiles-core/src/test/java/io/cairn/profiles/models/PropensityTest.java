package io.cairn.profiles.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Logistic regression finds a planted purchase signal among noise features on very different scales. */
class PropensityTest {
  static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary", "noise_a", "noise_b");

  /** Purchase odds fall with recency and rise with frequency and money; two features are pure noise. */
  static Object[] planted(int n, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double recency = 365 * r.nextDouble();
      double frequency = Math.max(1, 3 + 2 * r.nextGaussian());
      double monetary = Math.max(5, 200 + 120 * r.nextGaussian());
      x[i] = new double[] {recency, frequency, monetary, r.nextGaussian(), 1000 * r.nextDouble()};
      double logit = -0.012 * (recency - 180) + 0.5 * (frequency - 3) + 0.006 * (monetary - 200);
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
    }
    return new Object[] {x, y};
  }

  @Test
  void thePlantedSignalIsLearnedAndMeasuredOnHeldOutRows() {
    Object[] data = planted(4000, 11);
    Propensity p = Propensity.train(FEATURES, (double[][]) data[0], (boolean[]) data[1], 0.25, 7);
    System.out.printf(Locale.ROOT, "propensity: AUC %.4f, log-loss %.4f on %d test rows (%d train)%n",
        p.auc(), p.logLoss(), p.testSize(), p.trainSize());
    assertThat(p.trainSize()).isEqualTo(3000);
    assertThat(p.testSize()).isEqualTo(1000);
    assertThat(p.auc()).isGreaterThanOrEqualTo(0.8);
    assertThat(p.logLoss()).isLessThan(0.6);
    assertThat(p.score(new double[] {5, 8, 600, 0, 500})).isGreaterThan(0.9);
    assertThat(p.score(new double[] {360, 1, 20, 0, 500})).isLessThan(0.1);
  }

  @Test
  void badInputsAreRefused() {
    double[][] x = {{1}, {2}, {3}, {4}};
    assertThatThrownBy(() -> Propensity.train(List.of("a"), x, new boolean[3], 0.5, 1))
        .hasMessageContaining("4 rows, 3 outcomes");
    assertThatThrownBy(() -> Propensity.train(List.of("a"), x, new boolean[4], 1.0, 1))
        .hasMessageContaining("testShare must be between 0 and 1");
    assertThatThrownBy(() -> Propensity.train(List.of("a"), x, new boolean[4], 0.5, 1))
        .hasMessageContaining("split needs rows with and without the outcome");
  }
}
