package io.cairn.profiles.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityGraphTest {
  private final IdentityGraph graph = new IdentityGraph(
      MatchRule.parseAll(List.of("email", "phone")), FuzzyRule.defaults(), new Normalizer("US"));

  static IdentityRecord rec(String id, String email, String phone, String first, String last) {
    return new IdentityRecord(id, "crm", Instant.EPOCH, ids(email, phone),
        Map.of("first_name", first, "last_name", last, "street", "1 Main Street", "city", "Springfield",
            "postcode", "12345", "birth_date", "1980-01-0" + (id.length() % 9 + 1)));
  }

  private static Map<IdentifierType, String> ids(String email, String phone) {
    java.util.Map<IdentifierType, String> m = new java.util.EnumMap<>(IdentifierType.class);
    if (email != null) {
      m.put(IdentifierType.EMAIL, email);
    }
    if (phone != null) {
      m.put(IdentifierType.PHONE, phone);
    }
    return m;
  }

  @Test
  void recordsSharingANormalisedEmailMergeWithAnExplanation() {
    List<Link> links = graph.add(List.of(
        rec("a1", "Jane.Doe@example.com", null, "Jane", "Doe"),
        rec("a2", " jane.doe@EXAMPLE.com", "415-555-2671", "Jane", "Doe"),
        rec("b1", "bob@example.com", "+1 212 555 0100", "Bob", "Roe")));
    assertThat(links).singleElement().satisfies(l -> {
      assertThat(l.from()).isEqualTo("a2");
      assertThat(l.to()).isEqualTo("a1");
      assertThat(l.rule()).isEqualTo("email");
      assertThat(l.explain()).isEqualTo("a2 -> a1 by email (email=jane.doe@example.com)");
    });
    assertThat(graph.profileId("a2")).isEqualTo(graph.profileId("a1")).isEqualTo(IdentityGraph.idOf("a1"));
    assertThat(graph.profileId("b1")).isNotEqualTo(graph.profileId("a1"));
    assertThat(graph.profiles()).hasSize(2);
    assertThat(graph.explain(graph.profileId("a1"))).hasSize(1);
  }

  @Test
  void aLaterBatchMergesProfilesAndTheOlderIdSurvives() {
    graph.add(List.of(rec("a1", "a@example.com", null, "Ann", "Lee"), rec("b1", null, "212-555-0100", "Bo", "Ek")));
    String older = graph.profileId("a1");
    assertThat(graph.profileId("b1")).isNotEqualTo(older);
    List<Link> links = graph.add(List.of(rec("c1", "a@example.com", "(212) 555-0100", "Ann", "Lee")));
    assertThat(links).extracting(Link::rule).containsExactly("email", "phone");
    assertThat(graph.profiles()).containsOnlyKeys(older);
    assertThat(graph.profiles().get(older)).containsExactly("a1", "b1", "c1");
  }

  @Test
  void fuzzyMatchingFindsSwappedNamesAndTyposAtOneAddress() {
    graph.add(List.of(rec("a1", "ann@example.com", null, "Annabel", "Smithers")));
    List<Link> links = graph.add(List.of(rec("a2", "other@example.com", null, "Smithers", "Anabel")));
    assertThat(links).singleElement().satisfies(l -> {
      assertThat(l.rule()).isEqualTo("fuzzy");
      assertThat(l.score()).isGreaterThan(0.9);
      assertThat(l.evidence()).startsWith("name+address similarity 0.9").endsWith(">= 0.900 within postcode");
    });
  }

  @Test
  void aHouseholdMemberWithAnotherNameIsNotMerged() {
    graph.add(List.of(rec("a1", "ann@example.com", null, "Annabel", "Smithers"),
        rec("a2", "tom@example.com", null, "Tom", "Smithers")));
    assertThat(graph.profiles()).hasSize(2);
  }

  @Test
  void reDeliveringARecordChangesNothing() {
    graph.add(List.of(rec("a1", "a@example.com", null, "Ann", "Lee")));
    assertThat(graph.add(List.of(rec("a1", "a@example.com", null, "Ann", "Lee")))).isEmpty();
    assertThat(graph.recordCount()).isEqualTo(1);
  }

  @Test
  void aChangedRecordReplacesItsEarlierVersion() {
    graph.add(List.of(rec("a1", "a@example.com", null, "Ann", "Lee"), rec("b1", "b@example.com", null, "Bo", "Ek")));
    graph.add(List.of(rec("b1", "a@example.com", null, "Bo", "Ek")));
    assertThat(graph.profileId("b1")).isEqualTo(graph.profileId("a1"));
    assertThat(graph.recordCount()).isEqualTo(2);
  }

  @Test
  void splittingRestoresTheOriginalProfilesAndTheyStayApart() {
    graph.add(List.of(rec("a1", "a@example.com", null, "Ann", "Lee"), rec("a2", "a@example.com", null, "Ann", "Lee"),
        rec("b1", "b@example.com", "212-555-0100", "Bo", "Ek")));
    Map<String, List<String>> before = graph.profiles();
    graph.add(List.of(rec("x", "a@example.com", "212-555-0100", "Ann", "Lee")));
    assertThat(graph.profiles()).hasSize(1);

    String xProfile = graph.split("x");
    assertThat(xProfile).isEqualTo(IdentityGraph.idOf("x"));
    assertThat(graph.profiles()).containsAllEntriesOf(before).containsEntry(xProfile, List.of("x"));
    // a new record with the same identifiers joins the others, and x stays apart
    graph.add(List.of(rec("y", "a@example.com", null, "Ann", "Lee")));
    assertThat(graph.profileId("x")).isEqualTo(xProfile);
    assertThat(graph.profileId("y")).isEqualTo(graph.profileId("a1"));
  }

  @Test
  void erasedIdentifiersNeverLinkAgain() {
    graph.add(List.of(rec("a1", "a@example.com", "212-555-0100", "Ann", "Lee"),
        rec("a2", "a@example.com", null, "Ann", "Lee")));
    assertThat(graph.erase(graph.profileId("a1"))).containsExactly("a1", "a2");
    assertThat(graph.profiles()).isEmpty();
    assertThatThrownBy(() -> graph.profileId("a1")).hasMessageContaining("no record 'a1'");

    graph.add(List.of(rec("n1", "A@example.com", null, "Nia", "Moe"), rec("n2", "a@example.com", "(212) 555-0100",
        "Kai", "Ray")));
    assertThat(graph.profiles()).hasSize(2);
    assertThat(graph.links()).isEmpty();
  }

  @Test
  void unknownProfilesAndRecordsAreReported() {
    assertThatThrownBy(() -> graph.records("P-0")).hasMessageContaining("no profile 'P-0'");
    assertThatThrownBy(() -> graph.split("nope")).hasMessageContaining("no record 'nope'");
  }
}
