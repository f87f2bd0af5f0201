package io.cairn.profiles.traits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traits on planted behaviour: each group of customers buys in a known pattern. */
class TraitEngineTest {
  private static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");

  private static List<Fact> orders(String profile, int count, int lastDaysAgo, int firstDaysAgo, double amount,
      String channel) {
    List<Fact> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int daysAgo = count == 1 ? lastDaysAgo : firstDaysAgo - (firstDaysAgo - lastDaysAgo) * i / (count - 1);
      out.add(new Fact(profile, NOW.minus(Duration.ofDays(daysAgo)),
          Map.of("amount", BigDecimal.valueOf(amount), "channel", i == 0 ? "store" : channel, "category", "shoes")));
    }
    return out;
  }

  /** Five groups of 20, one per quintile: champions, new, loyal, at risk, hibernating. */
  private static List<Fact> planted() {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      facts.addAll(orders("champ-" + i, 12 + i % 3, 1 + i % 5, 400, 150, "web"));
      facts.addAll(orders("new-" + i, 1, 10 + i % 10, 10 + i % 10, 60, "app"));
      facts.addAll(orders("loyal-" + i, 8, 30 + i, 300, 100, "app"));
      facts.addAll(orders("risk-" + i, 6 + i % 2, 300 + i, 700, 90, "web"));
      facts.addAll(orders("sleep-" + i, 1, 500 + i, 500 + i, 20, "store"));
    }
    return facts;
  }

  private static TraitEngine engine() throws Exception {
    return new TraitEngine(TraitDefinition.parse(TraitDefinitionTest.retail()));
  }

  @Test
  void plantedGroupsGetTheirSegmentsStagesAndTags() throws Exception {
    TraitEngine engine = engine();
    engine.add(planted());
    Map<String, ProfileTraits> t = engine.compute(NOW);
    assertThat(t).hasSize(100);
    for (int i = 0; i < 20; i++) {
      assertThat(t.get("champ-" + i).traits()).containsEntry("rfm_segment", "champions")
          .containsEntry("lifecycle", "active").containsEntry("channel_affinity", "web");
      assertThat(t.get("champ-" + i).tags()).containsExactly("big_spender");
      assertThat(t.get("sleep-" + i).traits()).containsEntry("rfm_segment", "hibernating")
          .containsEntry("lifecycle", "churned");
      assertThat(t.get("sleep-" + i).tags()).containsExactly("one_time_buyer");
      assertThat(t.get("new-" + i).traits()).containsEntry("rfm_segment", "new_customers")
          .containsEntry("lifecycle", "new");
      assertThat(t.get("loyal-" + i).traits()).containsEntry("rfm_segment", "loyal")
          .containsEntry("lifecycle", "active").containsEntry("channel_affinity", "app");
      assertThat(t.get("risk-" + i).traits()).containsEntry("rfm_segment", "at_risk")
          .containsEntry("lifecycle", "dormant");
    }
    ProfileTraits c = t.get("champ-0");
    assertThat(c.traits()).containsEntry("frequency", 12L).containsEntry("monetary", 1800.0)
        .containsEntry("avg_order_value", 150.0).containsEntry("recency_days", 1L).containsEntry("r", 5);
    assertThat(c.definitionVersion()).isEqualTo(1);
  }

  @Test
  void batchesGiveTheSameTraitsAsOneBatch() throws Exception {
    List<Fact> facts = planted();
    TraitEngine once = engine();
    once.add(facts);
    TraitEngine inBatches = engine();
    for (int i = 0; i < facts.size(); i += 37) {
      inBatches.add(facts.subList(i, Math.min(facts.size(), i + 37)));
    }
    assertThat(inBatches.compute(NOW)).isEqualTo(once.compute(NOW));
  }

  @Test
  void aFieldThatIsNotANumberIsReportedByTraitAndField() throws Exception {
    TraitEngine engine = engine();
    assertThatThrownBy(() -> engine.add(List.of(new Fact("p", NOW, Map.of("amount", "12,50")))))
        .hasMessage("trait 'monetary': field 'amount' holds '12,50', not a number");
  }
}
