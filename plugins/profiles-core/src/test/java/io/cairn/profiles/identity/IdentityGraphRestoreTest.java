package io.cairn.profiles.identity;

import static io.cairn.profiles.identity.IdentityGraphTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Saving a graph's records, splits and tombstones and restoring them gives the same profiles and links. */
class IdentityGraphRestoreTest {
  private static IdentityGraph empty() {
    return new IdentityGraph(MatchRule.parseAll(List.of("email", "phone")), null, new Normalizer("US"));
  }

  @Test
  void aRestoredGraphHasTheSameProfilesLinksSplitsAndTombstones() {
    IdentityGraph before = empty();
    before.add(List.of(rec("a1", "a@example.com", null, "Ann", "Lee"), rec("a2", "A@example.com", "212-555-0100",
        "Ann", "Lee"), rec("a3", null, "(212) 555-0100", "Ann", "Lee"), rec("e1", "gone@example.com", null, "E", "X")));
    before.split("a3");
    before.erase(before.profileId("e1"));

    IdentityGraph after = empty();
    after.restore(before.records(), before.splitPairs(), before.tombstones());

    assertThat(after.profileIds()).isEqualTo(before.profileIds()).containsOnlyKeys("a1", "a2", "a3");
    assertThat(after.links()).isEqualTo(before.links());
    assertThat(after.splitPairs()).isEqualTo(before.splitPairs()).isNotEmpty();
    assertThat(after.tombstones()).isEqualTo(before.tombstones()).hasSize(1)
        .allMatch(t -> t.matches("[0-9a-f]{64}"));
    after.add(List.of(rec("n1", "GONE@example.com", null, "E", "X"), rec("n2", "gone@example.com", null, "E", "X")));
    assertThat(after.profileId("n1")).as("an erased identifier never re-links").isNotEqualTo(after.profileId("n2"));
    assertThat(after.profileId("a3")).isNotEqualTo(after.profileId("a1"));
  }

  @Test
  void restoreRefusesAGraphWithRecordsAndUnknownSplitRecords() {
    IdentityGraph g = empty();
    g.add(List.of(rec("a1", "a@example.com", null, "Ann", "Lee")));
    assertThatThrownBy(() -> g.restore(List.of(), List.of(), java.util.Set.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> empty().restore(List.of(), List.of(List.of("x", "y")), java.util.Set.of()))
        .hasMessageContaining("no record 'x'");
  }
}
