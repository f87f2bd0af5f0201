package io.cairn.catalog.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.testing.CatalogDatabases;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The consent tables on H2 (file mode) and on the machine's real PostgreSQL; each test on a fresh catalog. */
class ConsentRepositoryTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_consent_test");
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void dropPostgres() {
    DATABASES.drop();
  }

  private static ConsentRepository repository(DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    ConsentRepository r = new ConsentRepository(db);
    r.addPurpose(new PurposeEntry("analytics", null, "consent", "deny"), "system");
    return r;
  }

  private static ConsentRepository.Identifier id(String type, String value) {
    return new ConsentRepository.Identifier(type, value, Integer.toHexString(value.hashCode()) + "-" + value);
  }

  private static NewConsentEvent event(long subject, String status, OffsetDateTime at) {
    return new NewConsentEvent(subject, "analytics", status, "consent", "form", "v1", at, "alice", null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void identifiersReachOneSubjectAndHistoryIsOnlyAppended(String name, DataSource ds) {
    ConsentRepository r = repository(ds);
    long ann = r.resolve(List.of(id("email", "ann@example.com")));
    assertThat(r.resolve(List.of(id("customer_id", "c-1"), id("email", "ann@example.com")))).isEqualTo(ann);
    assertThat(r.subjectOf(id("customer_id", "c-1").hash())).contains(ann);
    assertThat(r.identifiersOf(ann)).extracting(IdentifierEntry::type).containsExactly("email", "customer_id");
    assertThatThrownBy(() -> r.resolve(List.of())).isInstanceOf(IllegalArgumentException.class);

    assertThat(r.append(event(ann, "granted", T0)).effective()).isTrue();
    assertThat(r.append(event(ann, "withdrawn", T0.plusHours(1))).effective()).isTrue();
    assertThat(r.append(event(ann, "granted", T0.minusHours(1))).effective())
        .as("older than the state: history only").isFalse();
    assertThat(r.history(ann)).extracting(ConsentEventEntry::status).containsExactly("granted", "granted", "withdrawn");
    assertThat(r.addPurpose(new PurposeEntry("analytics", "again", "contract", "allow"), "x")).isFalse();
    assertThat(r.purposes()).singleElement().satisfies(p -> assertThat(p.defaultBasis()).isEqualTo("consent"));

    assertThat(r.suppressedIdentifiers("analytics", 0, 10)).hasSize(2)
        .allSatisfy(s -> assertThat(s.reason()).isEqualTo("withdrawn"));
    r.append(event(ann, "granted", T0.plusHours(2)));
    assertThat(r.suppressedIdentifiers("analytics", 0, 10)).as("granted again: off the list").isEmpty();
    r.suppress(ann, null, "erased", "dsar");
    assertThat(r.suppressedIdentifiers("analytics", 0, 10)).hasSize(2)
        .allSatisfy(s -> assertThat(s.reason()).isEqualTo("erased"));
    assertThat(r.suppressionsOf(ann)).singleElement().satisfies(s -> assertThat(s.purpose()).isNull());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void changeFeedsReturnRowsAfterAWatermarkAndTheGapsAskedFor(String name, DataSource ds) {
    ConsentRepository r = repository(ds);
    long a = r.resolve(List.of(id("email", "a@x.y")));
    long b = r.resolve(List.of(id("email", "b@x.y")));
    long first = r.append(event(a, "granted", T0)).id();
    long second = r.append(event(b, "granted", T0)).id();
    long third = r.append(event(a, "withdrawn", T0.plusMinutes(1))).id();

    assertThat(r.eventsAfter(0, Set.of(), 100)).extracting(ConsentEventEntry::id).containsExactly(first, second, third);
    assertThat(r.eventsAfter(second, Set.of(), 100)).extracting(ConsentEventEntry::id).containsExactly(third);
    assertThat(r.eventsAfter(third, Set.of(first), 100)).extracting(ConsentEventEntry::id).containsExactly(first);
    assertThat(r.eventsAfter(0, Set.of(), 2)).hasSize(2);
    assertThat(r.identifiersAfter(0, Set.of(), 100)).extracting(IdentifierEntry::subjectId).containsExactly(a, b);
    r.suppress(b, "analytics", "manual", "steward");
    assertThat(r.suppressionsAfter(0, Set.of(), 100)).singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo("manual"));
  }
}
