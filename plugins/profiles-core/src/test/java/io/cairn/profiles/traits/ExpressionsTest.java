package io.cairn.profiles.traits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
  @Test
  void conditionsOverTraits() {
    Expressions.Condition c = Expressions.compile("r >= 4 && (segment == 'vip' || monetary > 100.5)");
    assertThat(c.test(Map.of("r", 5, "segment", "vip", "monetary", 1))).isTrue();
    assertThat(c.test(Map.of("r", 5, "segment", "x", "monetary", 101L))).isTrue();
    assertThat(c.test(Map.of("r", 3, "segment", "vip", "monetary", 1))).isFalse();
  }

  @Test
  void unknownNamesNonBooleansAndJavaAccessFail() {
    assertThatThrownBy(() -> Expressions.compile("x > 1").test(Map.of()))
        .hasMessageContaining("expression 'x > 1' failed").hasMessageContaining("x");
    assertThatThrownBy(() -> Expressions.compile("r + 1").test(Map.of("r", 1)))
        .hasMessage("expression 'r + 1' gives 2, not true or false");
    assertThatThrownBy(() -> Expressions.compile("''.getClass().forName('java.lang.Runtime') != null").test(Map.of()))
        .hasMessageContaining("failed");
    assertThatThrownBy(() -> Expressions.compile(" ")).hasMessage("empty expression");
  }

  @Test
  void quintilesRankAndKeepTiesTogether() {
    assertThat(Quintiles.scores(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, true))
        .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    assertThat(Quintiles.scores(new double[] {1, 400, 30, 30, 30}, false)).containsExactly(5, 1, 2, 2, 2);
  }
}
