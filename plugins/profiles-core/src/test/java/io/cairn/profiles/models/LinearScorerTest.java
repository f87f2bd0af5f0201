package io.cairn.profiles.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compiled linear scorer gives exactly what Tribuo's predict gives, for logistic and linear regression on
 * 20 features (whose Tribuo id order, alphabetical, differs from the column order), and the CLV and
 * recommender artifacts survive the registry's bytes.
 */
class LinearScorerTest {
  /** f19, f18, ..., f0: Tribuo numbers them f0, f1, f10, f11, ..., so columns and ids are in different orders. */
  private static final List<String> FEATURES = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "f" + (19 - i))
      .toList();

  private static double[][] rows(int n, Random r) {
    double[][] x = new double[n][FEATURES.size()];
    for (double[] row : x) {
      for (int f = 0; f < row.length; f++) {
        row[f] = (f + 1) * 10 * r.nextGaussian() + f;
      }
    }
    return x;
  }

  private static double[] flat(double[][] x) {
    double[] out = new double[x.length * x[0].length];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, out, i * x[i].length, x[i].length);
    }
    return out;
  }

  @Test
  void propensityScoresEqualTribuosPredict() {
    Random r = new Random(11);
    double[][] x = rows(3000, r);
    boolean[] y = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      double logit = 0.05 * x[i][0] - 0.02 * x[i][5] + 0.01 * x[i][19];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
    }
    Propensity p = Propensity.train(FEATURES, x, y, 0.25, 7);
    LinearScorer scorer = LinearScorer.of(p);
    double[][] fresh = rows(1000, new Random(12));
    double[] out = new double[fresh.length];
    scorer.score(flat(fresh), fresh.length, out);
    for (int i = 0; i < fresh.length; i++) {
      assertThat(out[i]).as("row " + i).isEqualTo(p.score(fresh[i]));
    }
    assertThat(java.util.Arrays.stream(out).max().orElseThrow()).isGreaterThan(0.8);
    assertThat(java.util.Arrays.stream(out).min().orElseThrow()).isLessThan(0.2);
    assertThatThrownBy(() -> scorer.score(new double[19], 1, new double[1])).hasMessageContaining("need 20 values");
  }

  @Test
  void lifetimeValuesEqualTribuosPredictAndSurviveTheArtifact() {
    Random r = new Random(13);
    double[][] x = rows(2000, r);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 300 + 2 * x[i][0] - x[i][10] + 5 * r.nextGaussian();
    }
    LifetimeValue v = LifetimeValue.train(FEATURES, x, y, 0.25, 3);
    ModelArtifact back = ModelArtifact.fromBytes(ModelArtifact.of(v).toBytes());
    assertThat(back.kind()).isEqualTo(ModelArtifact.Kind.CLV);
    double[][] fresh = rows(500, new Random(14));
    double[] out = back.score(fresh);
    double[] compiled = new double[fresh.length];
    LinearScorer.of(v).score(flat(fresh), fresh.length, compiled);
    for (int i = 0; i < fresh.length; i++) {
      assertThat(out[i]).as("row " + i).isEqualTo(v.predict(fresh[i])).isEqualTo(compiled[i]);
    }
    assertThat(v.rmse()).isLessThan(15);
  }

  @Test
  void scoringCellsSkipsRowsWithoutNumbersOrEligibility() {
    Random r = new Random(15);
    double[][] x = rows(400, r);
    boolean[] y = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i][0] > 0;
    }
    Propensity p = Propensity.train(FEATURES, x, y, 0.25, 7);
    List<Object[]> cells = new ArrayList<>();
    for (double[] row : x) {
      Object[] c = new Object[row.length + 1];
      c[0] = "id";
      for (int f = 0; f < row.length; f++) {
        c[f + 1] = row[f];
      }
      cells.add(c);
    }
    cells.get(3)[5] = "not a number";
    int[] columns = java.util.stream.IntStream.range(1, 21).toArray();
    double[] s = LinearScorer.of(p).scoreCells(cells.size(), columns, (row, col) -> cells.get(row)[col],
        row -> row != 7);
    assertThat(s[3]).isNaN();
    assertThat(s[7]).isNaN();
    assertThat(s[0]).isEqualTo(p.score(x[0]));
    assertThat(s[399]).isEqualTo(p.score(x[399]));
  }

  @Test
  void aRecommenderSurvivesItsBytes() {
    ItemRecommender rec = ItemRecommender.train(java.util.Map.of("a", Set.of("x", "y", "z"), "b", Set.of("x", "y"),
        "c", Set.of("y", "w")));
    ItemRecommender back = ItemRecommender.fromBytes(rec.toBytes());
    assertThat(back.items()).isEqualTo(4);
    assertThat(back.recommend(Set.of("x"), 3)).isEqualTo(rec.recommend(Set.of("x"), 3)).startsWith("y");
    assertThat(back.popular(Set.of(), 4)).isEqualTo(rec.popular(Set.of(), 4));
    assertThatThrownBy(() -> ItemRecommender.fromBytes(new byte[] {0, 3, 'a', 'b', 'c'}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a");
  }
}
