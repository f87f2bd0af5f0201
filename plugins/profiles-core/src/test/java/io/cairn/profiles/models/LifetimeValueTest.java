package io.cairn.profiles.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Linear regression recovers a planted lifetime value: RMSE near the planted noise, far below the spread. */
class LifetimeValueTest {
  @Test
  void aPlantedLinearValueIsLearnedWithAnRmseNearTheNoise() {
    Random r = new Random(4);
    int n = 3000;
    double[][] x = new double[n][];
    double[] y = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double frequency = 1 + 10 * r.nextDouble();
      double monetary = 20 + 200 * r.nextDouble();
      double tenure = 36 * r.nextDouble();
      x[i] = new double[] {frequency, monetary, tenure};
      y[i] = 50 + 30 * frequency + 2 * monetary + 5 * tenure + 20 * r.nextGaussian();
      mean += y[i] / n;
    }
    double spread = 0;
    for (double v : y) {
      spread += (v - mean) * (v - mean) / n;
    }
    LifetimeValue clv = LifetimeValue.train(List.of("frequency", "monetary", "tenure"), x, y, 0.25, 3);
    System.out.printf(Locale.ROOT, "CLV: RMSE %.2f (noise 20, spread %.1f) on %d test rows%n", clv.rmse(),
        Math.sqrt(spread), clv.testSize());
    assertThat(clv.testSize()).isEqualTo(750);
    assertThat(clv.rmse()).isLessThan(30).isLessThan(Math.sqrt(spread) / 5);
    assertThat(clv.predict(new double[] {10, 200, 30})).isBetween(850.0, 1050.0);
  }

  @Test
  void badInputsAreRefused() {
    assertThatThrownBy(() -> LifetimeValue.train(List.of("a"), new double[5][1], new double[4], 0.2, 1))
        .hasMessageContaining("5 rows, 4 values");
    assertThatThrownBy(() -> LifetimeValue.train(List.of("a"), new double[5][1], new double[5], 0, 1))
        .hasMessageContaining("testShare");
  }
}
