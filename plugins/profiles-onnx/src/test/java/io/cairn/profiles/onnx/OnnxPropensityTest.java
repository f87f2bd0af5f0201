package io.cairn.profiles.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.profiles.models.Propensity;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A Tribuo propensity model exported to ONNX scores like the Tribuo model it came from. */
class OnnxPropensityTest {
  static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary");

  static double[][] rows(int n, Random r) {
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {365 * r.nextDouble(), 1 + 6 * r.nextDouble(), 400 * r.nextDouble()};
    }
    return x;
  }

  @Test
  void onnxRuntimeScoresLikeTribuo() throws Exception {
    Random r = new Random(3);
    double[][] x = rows(2000, r);
    boolean[] y = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      double logit = -0.01 * (x[i][0] - 180) + 0.4 * (x[i][1] - 4) + 0.004 * (x[i][2] - 200);
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
    }
    Propensity tribuo = Propensity.train(FEATURES, x, y, 0.25, 5);
    OnnxPropensity onnx = OnnxPropensity.export(tribuo, 1);
    double[][] fresh = rows(500, new Random(9));
    try (OnnxScorer scorer = new OnnxScorer(onnx.onnx())) {
      double[] scores = onnx.score(scorer, fresh);
      for (int i = 0; i < fresh.length; i++) {
        assertThat(scores[i]).as("row " + i).isCloseTo(tribuo.score(fresh[i]), org.assertj.core.data.Offset.offset(1e-5));
      }
      assertThat(java.util.Arrays.stream(scores).max().orElseThrow()).isGreaterThan(0.7);
      assertThat(java.util.Arrays.stream(scores).min().orElseThrow()).isLessThan(0.3);
    }
  }

  @Test
  void bytesThatAreNoModelAreRefused() {
    assertThatThrownBy(() -> new OnnxScorer(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an ONNX model");
  }
}
