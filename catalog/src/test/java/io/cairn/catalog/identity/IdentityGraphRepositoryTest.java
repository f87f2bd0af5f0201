package io.cairn.catalog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.testing.CatalogDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The persisted identity graph on H2 (file mode) and the machine's PostgreSQL. */
class IdentityGraphRepositoryTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_identity_test");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void dropPostgres() {
    DATABASES.drop();
  }

  private static IdentityGraphRepository repo(DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    return new IdentityGraphRepository(db);
  }

  private static StoredRecord rec(String id, String email, String profile) {
    return new StoredRecord(id, "crm", Instant.parse("2026-01-02T03:04:05Z"), Map.of("email", email),
        Map.of("first_name", "Ann"), profile);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void batchesMergesSplitsAndErasuresAreKept(String name, DataSource ds) {
    IdentityGraphRepository repo = repo(ds);
    repo.saveSettings(new GraphSettings("g", List.of("email", "phone"), 0.9, "US"));
    assertThat(repo.settings("g")).contains(new GraphSettings("g", List.of("email", "phone"), 0.9, "US"));
    assertThat(repo.settings("other")).isEmpty();
    repo.save("g", new GraphChange(List.of(rec("a1", "a@x.com", "P-a"), rec("b1", "b@x.com", "P-b")), Map.of(),
        List.of(), false));
    repo.save("g", new GraphChange(List.of(rec("c1", "a@x.com", "P-a")), Map.of("b1", "P-a"),
        List.of(new StoredLink("c1", "a1", "email", "email=a@x.com", 1)), false));

    IdentitySnapshot snap = repo.load("g");
    assertThat(snap.records()).extracting(StoredRecord::recordId).containsExactly("a1", "b1", "c1");
    assertThat(snap.records().getFirst()).isEqualTo(rec("a1", "a@x.com", "P-a"));
    assertThat(repo.profiles("g", 10)).singleElement().satisfies(p -> {
      assertThat(p.profileId()).isEqualTo("P-a");
      assertThat(p.size()).isEqualTo(3);
    });
    assertThat(repo.links("g", "P-a")).extracting(StoredLink::evidence).containsExactly("email=a@x.com");
    assertThat(repo.members("g", "P-a")).containsExactly("a1", "b1", "c1");
    assertThat(repo.profilesHolding("A@x.com")).containsExactly(new ProfileRef("g", "P-a"));
    assertThat(repo.profilesHolding("b@x.com")).containsExactly(new ProfileRef("g", "P-a"));
    assertThat(repo.profilesHolding("nobody@x.com")).isEmpty();

    repo.addSplits("g", List.of(List.of("a1", "b1")), "steward");
    repo.addSplits("g", List.of(List.of("a1", "b1")), "steward");
    repo.save("g", new GraphChange(List.of(), Map.of("b1", "P-b"), List.of(
        new StoredLink("c1", "a1", "email", "email=a@x.com", 1)), true));
    assertThat(repo.load("g").splits()).containsExactly(List.of("a1", "b1"));
    assertThat(repo.profiles("g", 10)).extracting(ProfileSummary::profileId, ProfileSummary::size)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("P-a", 2),
            org.assertj.core.groups.Tuple.tuple("P-b", 1));
    assertThat(repo.links("g", "P-a")).hasSize(1);

    repo.erase("g", List.of("a1", "c1"), Set.of("f".repeat(64)));
    IdentitySnapshot after = repo.load("g");
    assertThat(after.records()).extracting(StoredRecord::recordId).containsExactly("b1");
    assertThat(after.splits()).isEmpty();
    assertThat(after.tombstones()).containsExactly("f".repeat(64));
    assertThat(repo.profiles("g", 10)).extracting(ProfileSummary::profileId).containsExactly("P-b");
    assertThat(repo.links("g", "P-a")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRecordDeliveredAgainKeepsItsPlaceAndTakesItsNewValues(String name, DataSource ds) {
    IdentityGraphRepository repo = repo(ds);
    repo.save("g", new GraphChange(List.of(rec("a1", "a@x.com", "P-a"), rec("b1", "b@x.com", "P-b")), Map.of(),
        List.of(), false));
    repo.save("g", new GraphChange(List.of(rec("a1", "new@x.com", "P-a")), Map.of(), List.of(), true));
    IdentitySnapshot snap = repo.load("g");
    assertThat(snap.records()).extracting(StoredRecord::recordId).containsExactly("a1", "b1");
    assertThat(snap.records().getFirst().identifiers()).containsEntry("email", "new@x.com");
    assertThat(repo.load("unknown").records()).isEmpty();
  }
}
