package io.cairn.profiles.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Precision and recall of identity resolution on a generated ground truth with planted duplicates. */
class IdentityQualityTest {
  private static final List<MatchRule> RULES = MatchRule.parseAll(List.of("email", "phone", "crm_id"));

  @Test
  void deterministicRulesPlusFuzzyNamesAndAddressesReachTheGoals() {
    SyntheticCustomers data = SyntheticCustomers.generate(7, 3000, 0.3);
    IdentityGraph graph = new IdentityGraph(RULES, FuzzyRule.defaults(), new Normalizer("US"));
    // incremental: the records arrive in batches of 500
    List<IdentityRecord> all = data.records();
    for (int from = 0; from < all.size(); from += 500) {
      graph.add(all.subList(from, Math.min(all.size(), from + 500)));
    }
    PairMetrics m = PairMetrics.of(graph.profiles().values(), data.truth());
    System.out.printf(Locale.ROOT, "identity resolution on %d records: precision %.4f recall %.4f (%d/%d/%d pairs)%n",
        all.size(), m.precision(), m.recall(), m.truePairs(), m.predictedPairs(), m.actualPairs());
    assertThat(m.actualPairs()).isGreaterThan(700);
    assertThat(m.precision()).isGreaterThanOrEqualTo(0.98);
    assertThat(m.recall()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void withoutFuzzyMatchingTheOtherChannelDuplicatesAreMissed() {
    SyntheticCustomers data = SyntheticCustomers.generate(7, 3000, 0.3);
    IdentityGraph graph = new IdentityGraph(RULES, null, new Normalizer("US"));
    graph.add(data.records());
    PairMetrics m = PairMetrics.of(graph.profiles().values(), data.truth());
    System.out.printf(Locale.ROOT, "deterministic only: precision %.4f recall %.4f%n", m.precision(), m.recall());
    assertThat(m.precision()).isEqualTo(1.0);
    assertThat(m.recall()).isLessThan(0.9);
  }

  @Test
  void aSharedDeviceAloneIsNoProofOfOnePerson() {
    SyntheticCustomers data = SyntheticCustomers.generate(7, 3000, 0.3);
    IdentityGraph graph = new IdentityGraph(
        MatchRule.parseAll(List.of("email", "phone", "crm_id", "device_id")), null, new Normalizer("US"));
    graph.add(data.records());
    PairMetrics m = PairMetrics.of(graph.profiles().values(), data.truth());
    System.out.printf(Locale.ROOT, "with a device_id rule: precision %.4f recall %.4f%n", m.precision(), m.recall());
    assertThat(m.precision()).isLessThan(0.9);
  }
}
