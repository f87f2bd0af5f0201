package io.cairn.governance.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.consent.ConsentRepository;
import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.governance.consent.ConsentGate.Verdict;
import io.cairn.governance.testing.Catalogs;
import io.cairn.spi.Purpose;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The consent service on H2 and on the real PostgreSQL: history, capture, import and two nodes' gates. */
class ConsentServiceTest {
  static final List<PurposeEntry> DEFAULTS = List.of(
      new PurposeEntry("analytics", "Measurement", "consent", "deny"),
      new PurposeEntry("personalisation", null, "consent", "deny"),
      new PurposeEntry("profiling", null, "consent", "deny"),
      new PurposeEntry("email_marketing", null, "consent", "deny"),
      new PurposeEntry("advertising", null, "consent", "deny"),
      new PurposeEntry("sale_share", null, "consent", "deny"));
  private static final List<SubjectIdentifier> ANN = List.of(new SubjectIdentifier("email", "Ann@Example.com"),
      new SubjectIdentifier("customer_id", "c-1"));

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> catalogs() {
    return Catalogs.both();
  }

  @AfterAll
  static void drop() {
    Catalogs.dropAll();
  }

  /** A node: its own index over the shared catalog. */
  record Node(ConsentService service, ConsentIndex index, ConsentRefresher refresher) {}

  static Node node(CatalogDatabase db) {
    ConsentRepository repo = new ConsentRepository(db);
    ConsentIndex index = new ConsentIndex();
    ConsentService service = new ConsentService(repo, index, TcfMapping.DEFAULT, Clock.systemUTC());
    service.seed(DEFAULTS);
    ConsentRefresher refresher = new ConsentRefresher(repo, index, Duration.ofMillis(100));
    refresher.refresh();
    return new Node(service, index, refresher);
  }

  private static ConsentRecord statement(String purpose, ConsentStatus status, Instant at) {
    return new ConsentRecord(ANN, purpose, status, LawfulBasis.CONSENT, ConsentSource.FORM, "v3", at);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogs")
  void historyIsAppendOnlyAndBackDatedRecordsDoNotChangeTheState(String name, CatalogDatabase db) {
    Node n = node(db);
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    var first = n.service().record(statement("email_marketing", ConsentStatus.GRANTED, t0), "alice");
    n.service().record(statement("email_marketing", ConsentStatus.WITHDRAWN, t0.plusSeconds(60)), "alice");
    n.service().record(statement("email_marketing", ConsentStatus.GRANTED, t0.minusSeconds(60)), "import");

    SubjectView v = n.service().subject("c-1").orElseThrow();
    assertThat(v.subjectId()).isEqualTo(first.subjectId());
    assertThat(n.service().subject(" ANN@example.com").orElseThrow().subjectId()).isEqualTo(first.subjectId());
    assertThat(v.identifiers()).extracting(SubjectIdentifier::value).containsExactly("ann@example.com", "c-1");
    assertThat(v.history()).extracting(SubjectView.Event::status).as("every statement kept, oldest first")
        .containsExactly("granted", "granted", "withdrawn");
    assertThat(v.purposes()).singleElement().satisfies(p -> {
      assertThat(p.status()).as("the back-dated grant does not undo the later withdrawal").isEqualTo("withdrawn");
      assertThat(p.valid()).isFalse();
    });
    assertThat(n.index().check("c-1", Purpose.EMAIL_MARKETING)).isEqualTo(Verdict.WITHDRAWN);
    assertThat(n.service().suppressions("email_marketing", 0, 100)).hasSize(2)
        .allSatisfy(s -> assertThat(s.reason()).isEqualTo("withdrawn"))
        .extracting(ConsentRepository.SuppressedIdentifier::identifierHash)
        .contains(Identifiers.hash("ann@example.com"));
    assertThat(n.service().subject("nobody")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogs")
  void aWithdrawalOnOneNodeReachesTheOtherNodesGateAtItsNextRefresh(String name, CatalogDatabase db)
      throws Exception {
    Node a = node(db);
    Node b = node(db);
    a.service().record(statement("analytics", ConsentStatus.GRANTED, null), "alice");
    b.refresher().refresh();
    assertThat(b.index().check("ann@example.com", Purpose.ANALYTICS)).isEqualTo(Verdict.ALLOW);

    b.refresher().start();
    try {
      a.service().record(statement("analytics", ConsentStatus.WITHDRAWN, null), "alice");
      assertThat(a.index().check("c-1", Purpose.ANALYTICS)).as("local writes apply at once").isEqualTo(Verdict.WITHDRAWN);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (b.index().check("c-1", Purpose.ANALYTICS) != Verdict.WITHDRAWN && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(b.index().check("c-1", Purpose.ANALYTICS)).isEqualTo(Verdict.WITHDRAWN);

      a.service().suppress(List.of(new SubjectIdentifier("customer_id", "c-1")), null, ConsentService.ERASED, "dsar");
      deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!b.index().erased("ann@example.com") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(b.index().check("ann@example.com", Purpose.ADVERTISING)).isEqualTo(Verdict.ERASED);
    } finally {
      b.refresher().stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogs")
  void capturedSignalsRecordTcfGpcAndContextOnceEach(String name, CatalogDatabase db) {
    Node n = node(db);
    ConsentSignal signal = new ConsentSignal(List.of(Map.entry("userId", "u-9"), Map.entry("anonymousId", "a-9")),
        TcfDecoderTest.VECTOR, true, Map.of("email_marketing", true), Instant.now(), null);
    n.service().capture(signal);
    n.service().capture(signal);

    SubjectView v = n.service().subject("a-9").orElseThrow();
    assertThat(v.identifiers()).extracting(SubjectIdentifier::type).containsExactly("user_id", "anonymous_id");
    assertThat(v.history()).as("the same signal again adds nothing")
        .extracting(e -> e.purpose() + ":" + e.status() + ":" + e.source())
        .containsExactlyInAnyOrder("analytics:denied:tcf", "personalisation:denied:tcf",
            "profiling:denied:tcf", "sale_share:withdrawn:gpc", "advertising:withdrawn:gpc",
            "email_marketing:granted:event");
    assertThat(n.index().check("u-9", Purpose.SALE_SHARE)).isEqualTo(Verdict.WITHDRAWN);
    assertThat(n.index().check("u-9", Purpose.EMAIL_MARKETING)).isEqualTo(Verdict.ALLOW);
    assertThat(n.service().suppressions("sale_share", 0, 10)).extracting(ConsentRepository.SuppressedIdentifier::reason)
        .containsOnly("gpc");

    assertThatThrownBy(() -> n.service().capture(new ConsentSignal(List.of(Map.entry("userId", "u-9")), "garbage!",
        false, Map.of(), Instant.now(), null))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed TC string");
    assertThatThrownBy(() -> n.service().capture(new ConsentSignal(List.of(Map.entry("userId", "u-9")), null,
        false, Map.of("telepathy", true), Instant.now(), null))).hasMessageContaining("unknown purpose 'telepathy'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogs")
  void csvImportRecordsGoodLinesAndNamesTheBadOnes(String name, CatalogDatabase db) {
    Node n = node(db);
    String csv = """
        identifier_type,identifier,purpose,status,lawful_basis,source,notice_version,at
        email,bob@example.com,analytics,granted,consent,form,v1,2026-01-02T00:00:00Z
        email,bob@example.com,telepathy,granted,consent,form,v1,
        email,carol@example.com,analytics,maybe,consent,,v1,
        email,dan@example.com,advertising,granted,vibes,,,
        email,erin@example.com,advertising,granted,consent,,,yesterday
        customer_id,c-7,profiling,withdrawn,consent,import,v2,
        """;
    ImportResult r = new ConsentCsvImport(n.service()).run(new StringReader(csv), "importer");
    assertThat(r.imported()).isEqualTo(2);
    assertThat(r.rejected()).extracting(ImportResult.Rejection::line).containsExactly(3L, 4L, 5L, 6L);
    assertThat(r.rejected()).extracting(ImportResult.Rejection::reason).satisfiesExactly(
        m -> assertThat(m).contains("unknown purpose 'telepathy'"),
        m -> assertThat(m).contains("unknown status 'maybe'"),
        m -> assertThat(m).contains("unknown lawful basis 'vibes'"),
        m -> assertThat(m).contains("ISO-8601"));
    assertThat(n.index().check("bob@example.com", Purpose.ANALYTICS)).isEqualTo(Verdict.ALLOW);
    assertThat(n.service().subject("c-7").orElseThrow().history()).singleElement()
        .satisfies(e -> assertThat(e.source()).isEqualTo("import"));
    assertThatThrownBy(() -> new ConsentCsvImport(n.service()).run(new StringReader("email,purpose\nx,y\n"), "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks identifier, identifier_type");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogs")
  void purposesAreValidated(String name, CatalogDatabase db) {
    Node n = node(db);
    assertThat(n.service().addPurpose(new PurposeEntry("fulfilment", "Orders", "contract", null), "admin")).isTrue();
    assertThat(n.service().addPurpose(new PurposeEntry("fulfilment", "Orders", "contract", null), "admin")).isFalse();
    assertThat(n.service().purposes()).filteredOn(p -> p.name().equals("fulfilment")).singleElement()
        .satisfies(p -> assertThat(p.unknownSubject()).isEqualTo("allow"));
    assertThat(n.index().check("stranger", new Purpose("fulfilment"))).isEqualTo(Verdict.ALLOW);
    assertThatThrownBy(() -> n.service().addPurpose(new PurposeEntry("Bad Name", null, "consent", null), "admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> n.service().addPurpose(new PurposeEntry("x", null, "whim", null), "admin"))
        .hasMessageContaining("unknown lawful basis 'whim'");
    assertThatThrownBy(() -> n.service().record(statement("telepathy", ConsentStatus.GRANTED, null), "a"))
        .hasMessageContaining("unknown purpose 'telepathy'").hasMessageContaining("analytics");
  }
}
