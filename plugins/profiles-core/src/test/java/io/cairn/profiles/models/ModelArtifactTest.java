package io.cairn.profiles.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.profiles.segments.KMeansClustering;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A model written to bytes and read back scores exactly as the model it came from. */
class ModelArtifactTest {
  @Test
  void aPropensityModelRoundTripsAndScoresIdentically() {
    Object[] data = PropensityTest.planted(2000, 5);
    double[][] x = (double[][]) data[0];
    Propensity p = Propensity.train(PropensityTest.FEATURES, x, (boolean[]) data[1], 0.25, 3);
    ModelArtifact back = ModelArtifact.fromBytes(ModelArtifact.of(p).toBytes());
    assertThat(back.kind()).isEqualTo(ModelArtifact.Kind.PROPENSITY);
    assertThat(back.features()).isEqualTo(PropensityTest.FEATURES);
    double[] scores = back.score(x);
    for (int i = 0; i < x.length; i++) {
      assertThat(scores[i]).isEqualTo(p.score(x[i]));
    }
    assertThatThrownBy(() -> back.score(new double[][] {{1, 2}})).hasMessageContaining("row 0 has 2 values");
  }

  @Test
  void aClusteringRoundTripsAndAssignsTheSameClusters() {
    Random r = new Random(4);
    double[][] rows = new double[300][];
    for (int i = 0; i < rows.length; i++) {
      double c = (i % 3) * 100;
      rows[i] = new double[] {c + r.nextGaussian(), c * 10 + r.nextGaussian() * 10};
    }
    List<String> features = List.of("a", "b");
    KMeansClustering.Result fit = KMeansClustering.upTo(4).fit(features, rows);
    ModelArtifact back = ModelArtifact.fromBytes(ModelArtifact.ofClusters(features, fit.model()).toBytes());
    double[] ids = back.score(rows);
    for (int i = 0; i < rows.length; i++) {
      assertThat((int) ids[i]).isEqualTo(fit.assignments()[i]);
    }
  }

  @Test
  void bytesThatAreNoArtifactAreRefused() {
    assertThatThrownBy(() -> ModelArtifact.fromBytes(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a");
  }
}
