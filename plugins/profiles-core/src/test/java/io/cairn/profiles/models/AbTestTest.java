package io.cairn.profiles.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The two-proportion z-test and lift interval against values worked out by hand. */
class AbTestTest {
  @Test
  void aTwentyFivePercentLiftOnAThousandVisitorsEachIsSignificant() {
    // control 200/1000 = 0.20, variant 250/1000 = 0.25; pooled 0.225; se = sqrt(.225 * .775 * .002) = 0.0186748;
    // z = 0.05 / se = 2.677398; p = erfc(z / sqrt 2) = 0.0074196; unpooled se = sqrt(.16/1000 + .1875/1000)
    // = 0.0186414; 95% interval of the difference 0.05 -+ 1.959964 * 0.0186414, over 0.20.
    AbTest t = AbTest.of(200, 1000, 250, 1000, 0.95);
    assertThat(t.controlRate()).isEqualTo(0.2);
    assertThat(t.variantRate()).isEqualTo(0.25);
    assertThat(t.z()).isCloseTo(2.677398, within(1e-6));
    assertThat(t.pValue()).isCloseTo(0.0074196, within(1e-6));
    assertThat(t.lift()).isCloseTo(0.25, within(1e-12));
    assertThat(t.liftLow()).isCloseTo(0.0673181, within(1e-6));
    assertThat(t.liftHigh()).isCloseTo(0.4326819, within(1e-6));
    assertThat(t.significant()).isTrue();
  }

  @Test
  void equalRatesShowNoEffect() {
    AbTest t = AbTest.of(50, 500, 100, 1000, 0.9);
    assertThat(t.z()).isZero();
    assertThat(t.pValue()).isCloseTo(1.0, within(1e-7));
    assertThat(t.lift()).isZero();
    assertThat(t.liftLow()).isNegative();
    assertThat(t.significant()).isFalse();
    assertThat(AbTest.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
    assertThat(AbTest.quantile(0.005)).isCloseTo(-2.575829, within(1e-6));
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThatThrownBy(() -> AbTest.of(11, 10, 1, 10, 0.95)).hasMessageContaining("conversions <= visitors");
    assertThatThrownBy(() -> AbTest.of(1, 0, 1, 10, 0.95)).hasMessageContaining("control needs visitors > 0");
    assertThatThrownBy(() -> AbTest.of(0, 10, 1, 10, 0.95)).hasMessageContaining("no conversion");
    assertThatThrownBy(() -> AbTest.of(10, 10, 10, 10, 0.95)).hasMessageContaining("nothing to test");
    assertThatThrownBy(() -> AbTest.of(1, 10, 1, 10, 1.5)).hasMessageContaining("confidence");
  }
}
