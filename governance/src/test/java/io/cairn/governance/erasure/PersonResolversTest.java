package io.cairn.governance.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.consent.ConsentRepository;
import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.catalog.identity.GraphChange;
import io.cairn.catalog.identity.IdentityGraphRepository;
import io.cairn.catalog.identity.StoredRecord;
import io.cairn.catalog.testing.CatalogDatabases;
import io.cairn.governance.consent.ConsentIndex;
import io.cairn.governance.consent.ConsentRecord;
import io.cairn.governance.consent.ConsentService;
import io.cairn.governance.consent.ConsentSource;
import io.cairn.governance.consent.ConsentStatus;
import io.cairn.governance.consent.LawfulBasis;
import io.cairn.governance.consent.SubjectIdentifier;
import io.cairn.governance.consent.TcfMapping;
import java.time.Clock;
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

/**
 * A request's identifiers grow through consent subjects and identity graph profiles, composed as the server
 * composes them, on H2 and PostgreSQL; what each knows goes into access bundles.
 */
class PersonResolversTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_resolvers_test");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void drop() {
    DATABASES.drop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void consentAndIdentityGraphsAddThePersonsOtherIdentifiers(String name, DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    ConsentService consent = new ConsentService(new ConsentRepository(db), new ConsentIndex(), TcfMapping.DEFAULT,
        Clock.systemUTC());
    consent.seed(List.of(new PurposeEntry("email_marketing", null, "consent", "deny")));
    consent.record(new ConsentRecord(List.of(new SubjectIdentifier("email", "ann@example.org"),
        new SubjectIdentifier("customer_id", "C-17")), "email_marketing", ConsentStatus.GRANTED,
        LawfulBasis.CONSENT, ConsentSource.FORM, "v3", Instant.parse("2026-01-01T00:00:00Z")), "test");
    IdentityGraphRepository graphs = new IdentityGraphRepository(db);
    Instant seen = Instant.parse("2026-02-01T00:00:00Z");
    graphs.save("crm", new GraphChange(List.of(
        new StoredRecord("r1", "crm", seen, Map.of("customer_id", "C-17", "phone", "+14155550100"), Map.of(), "P1"),
        new StoredRecord("r2", "web", seen, Map.of("device_id", "dev-9", "phone", "+14155550100"), Map.of(), "P1"),
        new StoredRecord("r3", "web", seen, Map.of("device_id", "dev-other"), Map.of(), "P2")),
        Map.of(), List.of(), false));

    ConsentSubjects bySubject = new ConsentSubjects(consent);
    IdentityGraphSubjects byGraph = new IdentityGraphSubjects(graphs);
    IdentifierResolver composed = IdentifierResolver.compose(List.of(bySubject, byGraph));

    Set<Identifier> found = composed.resolve(List.of(new Identifier("email", "Ann@Example.org")));
    assertThat(found).contains(new Identifier("email", "ann@example.org"), new Identifier("customer_id", "C-17"),
        new Identifier("phone", "+14155550100"), new Identifier("device_id", "dev-9"))
        .doesNotContain(new Identifier("device_id", "dev-other"), new Identifier("subject", "r1"));

    assertThat(bySubject.resolve(List.of(new Identifier("email", "nobody@example.org"))))
        .containsExactly(new Identifier("email", "nobody@example.org"));
    assertThat(bySubject.describe(Set.of(new Identifier("email", "nobody@example.org")))).isEmpty();
    assertThat(bySubject.describe(found).toString()).contains("email_marketing").contains("granted");
    assertThat(byGraph.describe(found).toString()).contains("P1").contains("dev-9").doesNotContain("P2");
  }
}
