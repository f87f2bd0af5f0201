package io.cairn.profiles.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchRuleTest {
  @Test
  void partsAreIdentifierTypesOrAttributes() {
    MatchRule rule = MatchRule.parse(" Device_ID+birth_date ");
    assertThat(rule.identifiers()).containsExactly(IdentifierType.DEVICE_ID);
    assertThat(rule.attributes()).containsExactly("birth_date");
    assertThat(rule.name()).isEqualTo("device_id+birth_date");
  }

  @Test
  void emptyRulesAndPartsAreRefused() {
    assertThatThrownBy(() -> MatchRule.parse(" ")).hasMessageContaining("empty match rule");
    assertThatThrownBy(() -> MatchRule.parse("email++phone")).hasMessageContaining("has an empty part");
    assertThatThrownBy(() -> IdentifierType.parse("fax")).hasMessageContaining("known: user_id, email");
  }

  @Test
  void fuzzyRulesCheckTheirSettings() {
    FuzzyRule d = FuzzyRule.defaults();
    assertThatThrownBy(() -> d.withThreshold(1.5)).hasMessageContaining("threshold must be in (0, 1]");
    assertThatThrownBy(() -> new FuzzyRule(0.9, List.of(), "f", "l", List.of(), List.of(), 10))
        .hasMessageContaining("at least one block attribute");
    assertThatThrownBy(() -> new FuzzyRule(0.9, List.of("postcode"), "f", "l", List.of(), List.of(), 0))
        .hasMessageContaining("maxBlock must be at least 1");
  }

  @Test
  void aGraphNeedsSomeWayToMatch() {
    assertThatThrownBy(() -> new IdentityGraph(List.of(), null, new Normalizer("US")))
        .hasMessageContaining("at least one match rule or fuzzy matching");
  }

  @Test
  void pairMetricsCountPairs() {
    PairMetrics m = PairMetrics.of(List.of(List.of("a1", "a2", "b1"), List.of("a3")),
        java.util.Map.of("a1", "a", "a2", "a", "a3", "a", "b1", "b"));
    assertThat(m.truePairs()).isEqualTo(1);
    assertThat(m.predictedPairs()).isEqualTo(3);
    assertThat(m.actualPairs()).isEqualTo(3);
    assertThat(m.precision()).isEqualTo(1.0 / 3);
    assertThatThrownBy(() -> PairMetrics.of(List.of(List.of("x")), java.util.Map.of()))
        .hasMessageContaining("no true entity for record 'x'");
  }
}
