package io.cairn.profiles.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSegmentsTest {
  private final RuleSegments segments = new RuleSegments(new LinkedHashMap<>(Map.of(
      "vip", "monetary >= 1000",
      "win_back", "rfm_segment == 'at_risk' && monetary > 200")));

  @Test
  void membersAndTheirEnterAndExitEvents() {
    Map<String, Set<String>> before = segments.members(Map.of(
        "p1", Map.of("monetary", 1500, "rfm_segment", "champions"),
        "p2", Map.of("monetary", 300, "rfm_segment", "at_risk")));
    assertThat(before).containsEntry("vip", Set.of("p1")).containsEntry("win_back", Set.of("p2"));

    Map<String, Set<String>> after = segments.members(Map.of(
        "p1", Map.of("monetary", 1500, "rfm_segment", "at_risk"),
        "p2", Map.of("monetary", 1200, "rfm_segment", "loyal")));
    assertThat(RuleSegments.changes(before, after)).containsExactly(
        new RuleSegments.Change("vip", "p2", true),
        new RuleSegments.Change("win_back", "p1", true),
        new RuleSegments.Change("win_back", "p2", false));
    assertThat(RuleSegments.changes(after, after)).isEqualTo(List.of());
  }

  @Test
  void aBrokenRuleIsNamed() {
    assertThatThrownBy(() -> new RuleSegments(Map.of("bad", "monetary >")))
        .hasMessageStartingWith("segment 'bad': expression 'monetary >' does not parse");
  }
}
