package io.cairn.profiles.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ROC points and lift by decile against values worked out by hand. */
class CurvesTest {
  @Test
  void rocPointsFollowTheRanking() {
    double[] s = {0.9, 0.8, 0.7, 0.6};
    boolean[] y = {true, false, true, false};
    assertThat(Curves.roc(s, y, 100)).containsExactly(new Curves.RocPoint(0, 0), new Curves.RocPoint(0, 0.5),
        new Curves.RocPoint(0.5, 0.5), new Curves.RocPoint(0.5, 1), new Curves.RocPoint(1, 1));
    assertThat(Curves.roc(s, y, 3)).hasSize(3).first().isEqualTo(new Curves.RocPoint(0, 0));
    assertThatThrownBy(() -> Curves.roc(s, new boolean[4], 10)).hasMessageContaining("both kinds");
  }

  @Test
  void liftByDecileIsTheDecileRateOverTheOverallRate() {
    double[] s = new double[20];
    boolean[] y = new boolean[20];
    for (int i = 0; i < 20; i++) {
      s[i] = 20 - i;
      y[i] = i < 4;
    }
    List<Curves.Lift> lift = Curves.liftByDecile(s, y);
    assertThat(lift).hasSize(10);
    assertThat(lift.get(0)).isEqualTo(new Curves.Lift(1, 5.0));
    assertThat(lift.get(1)).isEqualTo(new Curves.Lift(2, 5.0));
    assertThat(lift.get(2).lift()).isZero();
    assertThatThrownBy(() -> Curves.liftByDecile(new double[3], new boolean[3])).hasMessageContaining("ten rows");
  }
}
