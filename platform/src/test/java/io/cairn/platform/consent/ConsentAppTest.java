package io.cairn.platform.consent;

import static io.cairn.platform.testkit.TestApp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.governance.consent.ConsentGate.Verdict;
import io.cairn.governance.consent.ConsentSignal;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.plugins.TestPlugins;
import io.cairn.platform.testkit.TestApp;
import io.cairn.catalog.Role;
import io.cairn.catalog.UserAccount;
import io.cairn.platform.testkit.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;
import io.cairn.spi.Purpose;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consent on a real server: the REST API with its roles and refusals, GPC capture, and enforcement in flows
 * (three purpose-bound steps; a withdrawal in the middle of a streaming flow).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsentAppTest {
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(TestApp.newHome(),
      ConfigOverride.config("consent.refreshInterval", "100ms"));
  static Http admin;
  static Http compliance;
  static Http steward;
  static Http viewer;
  static Http engineer;
  static final ConsentExtensions FAKES = new ConsentExtensions();
  static final String VECTOR = "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA";

  @BeforeAll
  static void setUp() throws Exception {
    // users with API tokens made through the service: Argon2 over HTTP is slow on a busy machine
    var services = APP.<io.cairn.platform.CairnApplication>getApplication().services();
    admin = client(services, "admin2", Role.ADMIN);
    compliance = client(services, "compliance", Role.COMPLIANCE);
    steward = client(services, "steward", Role.STEWARD);
    viewer = client(services, "viewer", Role.VIEWER);
    engineer = client(services, "engineer", Role.ENGINEER);
    TestPlugins.publish(services.extensions(), "consent-test", FAKES.all());
  }

  private static Http client(io.cairn.platform.CairnApplication.Services services, String name, Role role) {
    UserAccount user = services.userService().create(name, name + "-password-1", name, Set.of(role));
    String token = services.userService().createToken(user.id(), "test", null).token();
    return new Http("http://localhost:" + APP.getLocalPort(), "Bearer " + token);
  }

  private static Http.Answer csv(Http who, String body) throws Exception {
    return who.send(HttpRequest.newBuilder(URI.create(who.base() + "/api/v1/consent/import"))
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Map<String, Object> statement(String subject, String purpose, String status) {
    return Map.of("identifiers", List.of(Map.of("type", "customer_id", "value", subject)), "purpose", purpose,
        "status", status, "lawfulBasis", "consent", "source", "form", "noticeVersion", "v3");
  }

  @Test
  void theApiRecordsReadsAndRefusesBadInputWithClearMessages() throws Exception {
    Http.Answer created = compliance.postJson("/api/v1/consent", Map.of("identifiers",
        List.of(Map.of("type", "email", "value", "Ann@Example.com"), Map.of("type", "customer_id", "value", "c-1")),
        "purpose", "email_marketing", "status", "granted",
        "lawfulBasis", "consent", "source", "form", "noticeVersion", "v3", "at", "2026-01-01T10:00:00Z"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("subjectId").asLong()).isPositive();
    assertThat(compliance.postJson("/api/v1/consent", statement("c-1", "email_marketing", "withdrawn")).status())
        .isEqualTo(201);

    Http.Answer subject = steward.get("/api/v1/consent/subjects?identifier=ann@example.com");
    assertThat(subject.status()).isEqualTo(200);
    JsonNode s = subject.json();
    assertThat(s.get("subjectId").asLong()).isEqualTo(created.json().get("subjectId").asLong());
    assertThat(s.get("identifiers")).hasSize(2);
    assertThat(s.get("history")).hasSize(2);
    assertThat(s.get("history").get(0).get("recordedBy").asText()).isEqualTo("compliance");
    assertThat(s.get("purposes").get(0).get("status").asText()).isEqualTo("withdrawn");
    assertThat(s.get("purposes").get(0).get("valid").asBoolean()).isFalse();
    assertThat(steward.get("/api/v1/consent/subjects?identifier=c-1&type=email").status()).isEqualTo(200);
    assertThat(steward.get("/api/v1/consent/subjects?identifier=c-1&type=device_id").status()).isEqualTo(404);
    assertThat(steward.get("/api/v1/consent/subjects?identifier=nobody").status()).isEqualTo(404);
    JsonNode suppressed = compliance.get("/api/v1/consent/suppressions?purpose=email_marketing").json();
    assertThat(suppressed).hasSize(2);
    assertThat(suppressed.get(0).get("identifierHash").asText()).hasSize(64);
    assertThat(suppressed.get(0).get("reason").asText()).isEqualTo("withdrawn");

    Http.Answer decoded = steward.postJson("/api/v1/consent/tcf/decode", Map.of("tcString", VECTOR));
    assertThat(decoded.status()).isEqualTo(200);
    assertThat(decoded.json().get("cmpId").asInt()).isEqualTo(675);
    assertThat(decoded.json().get("purposeConsents").toString()).isEqualTo("[2,10]");
    assertThat(decoded.json().get("legitimateInterests").toString()).isEqualTo("[2,9]");
    Http.Answer tcf = compliance.postJson("/api/v1/consent/tcf",
        Map.of("identifiers", List.of(Map.of("type", "customer_id", "value", "c-1")), "tcString", VECTOR));
    assertThat(tcf.status()).isEqualTo(201);
    assertThat(tcf.json().get("decoded").get("cmpId").asInt()).isEqualTo(675);

    Http.Answer imported = csv(compliance, """
        identifier_type,identifier,purpose,status,lawful_basis,source,notice_version,at
        customer_id,c-2,analytics,granted,consent,import,v1,
        customer_id,c-3,telepathy,granted,consent,import,v1,
        """);
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
    assertThat(imported.json().get("rejected").get(0).get("line").asInt()).isEqualTo(3);
    assertThat(imported.json().get("rejected").get(0).get("reason").asText()).contains("unknown purpose 'telepathy'");

    assertBadRequest(compliance.postJson("/api/v1/consent", statement("c-1", "telepathy", "granted")),
        "unknown purpose 'telepathy'");
    assertBadRequest(compliance.postJson("/api/v1/consent", statement("c-1", "analytics", "perhaps")),
        "unknown status 'perhaps'");
    assertBadRequest(compliance.postJson("/api/v1/consent", Map.of("identifiers",
        List.of(Map.of("type", "customer_id", "value", "c-1")), "purpose", "analytics", "status", "granted",
        "lawfulBasis", "whim")), "unknown lawful basis 'whim'");
    assertBadRequest(compliance.postJson("/api/v1/consent", Map.of("purpose", "analytics", "status", "granted",
        "lawfulBasis", "consent")), "identifiers are required");
    assertBadRequest(steward.postJson("/api/v1/consent/tcf/decode", Map.of("tcString", "COtybn4PA")),
        "malformed TC string");
    assertBadRequest(compliance.postJson("/api/v1/consent/tcf", Map.of("identifiers",
        List.of(Map.of("type", "customer_id", "value", "c-1")), "tcString", "not!a!string")), "malformed TC string");
    assertBadRequest(compliance.get("/api/v1/consent/suppressions?purpose=telepathy"), "unknown purpose");
  }

  private static void assertBadRequest(Http.Answer r, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains(message);
  }

  @Test
  void purposesAreListedAndOnlyAdminsAddThem() throws Exception {
    JsonNode purposes = steward.get("/api/v1/consent/purposes").json();
    assertThat(purposes).extracting(p -> p.get("name").asText()).contains("analytics", "personalisation",
        "profiling", "email_marketing", "advertising", "sale_share");
    assertThat(purposes.get(0).get("unknownSubject").asText()).isEqualTo("deny");
    Map<String, String> fulfilment = Map.of("name", "fulfilment", "description", "Orders",
        "defaultBasis", "contract", "unknownSubject", "allow");
    assertThat(compliance.postJson("/api/v1/consent/purposes", fulfilment).status()).isEqualTo(403);
    assertThat(admin.postJson("/api/v1/consent/purposes", fulfilment).status()).isEqualTo(201);
    assertThat(admin.postJson("/api/v1/consent/purposes", fulfilment).status()).isEqualTo(409);
    assertBadRequest(admin.postJson("/api/v1/consent/purposes", Map.of("name", "x", "defaultBasis", "whim")),
        "unknown lawful basis");
  }

  @Test
  void rolesDecideWhoReadsAndWhoRecords() throws Exception {
    assertThat(get(APP, "/api/v1/consent/purposes", null).status()).isEqualTo(401);
    assertThat(viewer.get("/api/v1/consent/purposes").status()).isEqualTo(403);
    assertThat(engineer.get("/api/v1/consent/purposes").status()).isEqualTo(403);
    assertThat(compliance.get("/api/v1/consent/purposes").status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/consent/purposes").status()).isEqualTo(200);
    assertThat(steward.postJson("/api/v1/consent", statement("r-1", "analytics", "granted")).status())
        .isEqualTo(403);
    assertThat(admin.postJson("/api/v1/consent", statement("r-1", "analytics", "granted")).status())
        .isEqualTo(201);
    assertThat(csv(viewer, "x").status()).isEqualTo(403);
  }

  @Test
  void gpcIsPublicAndAGpcSignalIsRecordedAsAnOptOut() throws Exception {
    TestApp.Reply gpc = get(APP, "/.well-known/gpc.json", null);
    assertThat(gpc.status()).isEqualTo(200);
    assertThat(gpc.json().get("gpc").asBoolean()).isTrue();
    assertThat(gpc.json().get("lastUpdate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

    var consent = APP.<io.cairn.platform.CairnApplication>getApplication().services().consent();
    consent.capture().capture(new ConsentSignal(List.of(Map.entry("anonymousId", "anon-gpc")), null, true, Map.of(),
        Instant.now(), null));
    JsonNode s = compliance.get("/api/v1/consent/subjects?identifier=anon-gpc").json();
    assertThat(s.get("history")).extracting(e -> e.get("purpose").asText() + ":" + e.get("status").asText() + ":"
        + e.get("source").asText()).containsExactlyInAnyOrder("sale_share:withdrawn:gpc", "advertising:withdrawn:gpc");
    assertThat(consent.gate().check("anon-gpc", Purpose.SALE_SHARE)).isEqualTo(Verdict.WITHDRAWN);
    assertThat(compliance.get("/api/v1/consent/suppressions?purpose=advertising").json())
        .anySatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("gpc"));
  }

  @Test
  void threePurposeBoundStepsDropTheRowsWithoutABasisPerPurpose() throws Exception {
    // subjects 1-24 analytics; 1-16 personalisation, 17-20 withdrew it; 1-8 advertising; 25-30 known, no
    // analytics; 31-40 unknown
    StringBuilder csv = new StringBuilder("identifier_type,identifier,purpose,status,lawful_basis,source\n");
    IntStream.rangeClosed(1, 30).forEach(i -> {
      String id = "customer_id,subject-" + i;
      csv.append(id).append(i <= 24 ? ",analytics,granted" : ",profiling,granted").append(",consent,import\n");
      if (i <= 20) {
        csv.append(id).append(",personalisation,").append(i <= 16 ? "granted" : "withdrawn")
            .append(",consent,import\n");
      }
      if (i <= 8) {
        csv.append(id).append(",advertising,granted,consent,import\n");
      }
    });
    Http.Answer imported = csv(compliance, csv.toString());
    assertThat(imported.json().get("rejected")).isEmpty();

    String flow = """
        - route:
            from:
              uri: "cairn:source:cycling?rows=40&subjects=40&perPoll=40"
              steps:
                - to: "cairn:step:purpose?label=a&purposes=analytics"
                - to: "cairn:step:purpose?label=p&purposes=personalisation"
                - to: "cairn:step:purpose?label=ads&purposes=advertising"
                - to: "cairn:sink:recording?table=audience"
        """;
    assertThat(engineer.postJson("/api/v1/flows", Map.of("id", "three-purposes", "definition", flow)).status())
        .isEqualTo(201);
    Http.Answer run = engineer.post("/api/v1/flows/three-purposes/run");
    assertThat(run.status()).isEqualTo(202);
    JsonNode end = awaitRun("three-purposes", run.json().get("id").asText());
    assertThat(end.get("state").asText()).isEqualTo("SUCCEEDED");

    assertThat(FAKES.stepRows.get("a").get()).isEqualTo(24);
    assertThat(FAKES.stepRows.get("p").get()).isEqualTo(16);
    assertThat(FAKES.stepRows.get("ads").get()).isEqualTo(8);
    assertThat(FAKES.table("audience")).extracting(r -> (String) r[1])
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).mapToObj(i -> "subject-" + i).toList());

    JsonNode audit = awaitAudit("flow:three-purposes");
    assertThat(audit).hasSize(1);
    JsonNode details = new ObjectMapper().readTree(audit.get(0).get("details").asText());
    assertThat(details.get("rowsDropped").asLong()).isEqualTo(32);
    JsonNode counts = details.get("counts");
    assertThat(counts.get("checked.analytics").asLong()).isEqualTo(40);
    assertThat(counts.get("dropped.analytics.unknown_subject").asLong()).isEqualTo(10);
    assertThat(counts.get("dropped.analytics.no_basis").asLong()).isEqualTo(6);
    assertThat(counts.get("checked.personalisation").asLong()).isEqualTo(24);
    assertThat(counts.get("dropped.personalisation.withdrawn").asLong()).isEqualTo(4);
    assertThat(counts.get("dropped.personalisation.no_basis").asLong()).isEqualTo(4);
    assertThat(counts.get("dropped.advertising.no_basis").asLong()).isEqualTo(8);
    assertThat(audit.get(0).get("outcome").asText()).isEqualTo("dropped");
  }

  @Test
  void aWithdrawalInTheMiddleOfAStreamingFlowAppliesToTheNextBatches() throws Exception {
    for (int i = 1; i <= 5; i++) {
      assertThat(compliance.postJson("/api/v1/consent", statement("subject-" + i, "email_marketing", "granted"))
          .status()).isEqualTo(201);
    }
    String flow = """
        - route:
            from:
              uri: "cairn:source:cycling?rows=0&subjects=5&perPoll=5&pauseMillis=20"
              steps:
                - to: "cairn:sink:recording?table=mailing&purposes=email_marketing"
        """;
    assertThat(engineer.postJson("/api/v1/flows", Map.of("id", "mailing", "definition", flow)).status())
        .isEqualTo(201);
    assertThat(engineer.post("/api/v1/flows/mailing/start").status()).isIn(200, 202);
    try {
      awaitRows("mailing", r -> "subject-3".equals(r[1]));
      assertThat(compliance.postJson("/api/v1/consent", statement("subject-3", "email_marketing", "withdrawn"))
          .status()).isEqualTo(201);
      long lastIdAtWithdrawal = maxId("mailing");
      int streamed = FAKES.table("mailing").size();
      awaitRows("mailing", r -> (long) r[0] > lastIdAtWithdrawal + 100);
      assertThat(FAKES.table("mailing").size()).as("the stream goes on").isGreaterThan(streamed + 50);
      assertThat(FAKES.table("mailing")).as("no row of subject-3 after the batch in flight")
          .filteredOn(r -> (long) r[0] > lastIdAtWithdrawal + 5).isNotEmpty()
          .noneMatch(r -> "subject-3".equals(r[1]));
    } finally {
      assertThat(engineer.post("/api/v1/flows/mailing/stop").status()).isEqualTo(200);
    }
  }

  /** The consent audit entries of a flow, once there is one (the run's end is audited after its state). */
  private static JsonNode awaitAudit(String target) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode audit = compliance.get("/api/v1/audit?action=consent.enforce&target=" + target).json();
    while (audit.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      audit = compliance.get("/api/v1/audit?action=consent.enforce&target=" + target).json();
    }
    return audit;
  }

  private static long maxId(String table) {
    return FAKES.table(table).stream().mapToLong(r -> (long) r[0]).max().orElse(0);
  }

  private static void awaitRows(String table, java.util.function.Predicate<Object[]> seen) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (FAKES.table(table).stream().anyMatch(seen)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no such row in " + table + " within 30 s");
  }

  private static JsonNode awaitRun(String flow, String runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = engineer.get("/api/v1/flows/" + flow + "/runs/" + runId).json().get("run");
      if (!List.of("RUNNING", "PENDING", "STARTING").contains(run.get("state").asText())) {
        return run;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + runId + " did not end");
  }
}
