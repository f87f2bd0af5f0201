package io.cairn.profiles.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurvivorshipTest {
  private static IdentityRecord rec(String source, long seen, String city, String tier) {
    return new IdentityRecord(source + seen, source, Instant.ofEpochSecond(seen), Map.of(),
        tier == null ? Map.of("city", city) : Map.of("city", city, "tier", tier));
  }

  private final List<IdentityRecord> records = List.of(
      rec("web", 3, "Berlin", null), rec("crm", 1, "Hamburg", "gold"), rec("pos", 2, "Hamburg", "silver"));

  @Test
  void mostRecentTakesTheLatestRecordHoldingTheAttribute() {
    assertThat(Survivorship.mostRecent().golden(records)).containsExactly(
        Map.entry("city", "Berlin"), Map.entry("tier", "silver"));
  }

  @Test
  void mostFrequentAndSourcePriorityPerAttribute() {
    Survivorship s = new Survivorship(Survivorship.Strategy.MOST_RECENT,
        Map.of("city", Survivorship.Strategy.MOST_FREQUENT, "tier", Survivorship.Strategy.SOURCE_PRIORITY),
        List.of("crm", "pos"));
    assertThat(s.golden(records)).containsEntry("city", "Hamburg").containsEntry("tier", "gold");
  }

  @Test
  void strategiesAreParsedByName() {
    assertThat(Survivorship.Strategy.parse(" source_priority")).isEqualTo(Survivorship.Strategy.SOURCE_PRIORITY);
    assertThatThrownBy(() -> Survivorship.Strategy.parse("oldest"))
        .hasMessageContaining("unknown survivorship strategy 'oldest'");
  }
}
