package io.cairn.platform.audit;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.call;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.governance.audit.EvidenceReport;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.cairn.platform.testkit.TestApp.Reply;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** The audit API on a real server: roles, admin actions recorded, tamper detection, exports, no secret in logs. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditApiTest {
  static final String MASKING_KEY = Base64.getEncoder().encodeToString("masking-key-for-the-audit-test!!".getBytes());
  static final String AUDIT_KEY = Base64.getEncoder().encodeToString("audit-key-for-the-audit-test!!!!".getBytes());
  static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("policy.maskingKey", MASKING_KEY), ConfigOverride.config("policy.auditKey", AUDIT_KEY),
      ConfigOverride.config("policy.checkpointEvery", "5"));
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  static final String COMPLIANCE = basic("compliance", "compliance-password");
  static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  @BeforeAll
  static void users() {
    LOGS.start();
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("ROOT").addAppender(LOGS);
    for (String role : List.of("engineer", "steward", "compliance", "viewer")) {
      assertThat(post(APP, "/api/v1/users", ADMIN, Map.of("username", role, "password", role + "-password",
          "roles", List.of(role))).status()).isEqualTo(201);
    }
    // a run logs at INFO, so the log check below has lines to look through
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "log-probe", "definition",
        "- route:\n    from:\n      uri: timer:p?repeatCount=1\n      steps:\n        - to: log:p\n")).status())
        .isEqualTo(201);
    assertThat(post(APP, "/api/v1/flows/log-probe/run", ADMIN, null).status()).isEqualTo(202);
  }

  @AfterAll
  static void noSecretInLogs() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("ROOT").detachAppender(LOGS);
    assertThat(LOGS.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("log-probe"));
    for (ILoggingEvent e : LOGS.list) {
      assertThat(e.getFormattedMessage()).doesNotContain(MASKING_KEY, AUDIT_KEY, TestApp.ADMIN_PASSWORD,
          "compliance-password", "engineer-password");
    }
  }

  @Test
  void everyRoleGetsWhatItShould() {
    List<String[]> endpoints = List.of(new String[] {"GET", "/api/v1/audit"},
        new String[] {"GET", "/api/v1/audit/verify"}, new String[] {"GET", "/api/v1/audit/checkpoints"},
        new String[] {"GET", "/api/v1/audit/export?format=csv"}, new String[] {"POST", "/api/v1/audit/checkpoints"});
    for (String[] ep : endpoints) {
      assertThat(call(APP, ep[0], ep[1], null, ep[0].equals("POST") ? Map.of() : null).status()).as(ep[1])
          .isEqualTo(401);
      for (String role : List.of("viewer", "engineer", "steward")) {
        assertThat(call(APP, ep[0], ep[1], basic(role, role + "-password"), ep[0].equals("POST") ? Map.of() : null)
            .status()).as(role + " " + ep[1]).isEqualTo(403);
      }
      for (String allowed : List.of(COMPLIANCE, ADMIN)) {
        assertThat(call(APP, ep[0], ep[1], allowed, ep[0].equals("POST") ? Map.of() : null).status()).as(ep[1])
            .isEqualTo(200);
      }
    }
    Map<String, Object> detok = Map.of("domain", "email", "tokens", List.of("tok_x"));
    assertThat(post(APP, "/api/v1/tokens/detokenise", null, detok).status()).isEqualTo(401);
    assertThat(post(APP, "/api/v1/tokens/detokenise", basic("steward", "steward-password"), detok).status())
        .isEqualTo(403);
    Reply ok = post(APP, "/api/v1/tokens/detokenise", COMPLIANCE, detok);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("unknown").get(0).asText()).isEqualTo("tok_x");
    assertThat(post(APP, "/api/v1/tokens/detokenise", COMPLIANCE, Map.of("domain", "email")).status()).isEqualTo(400);
  }

  @Test
  void adminActionsAndRefusalsAreRecordedWithoutBodies() {
    assertThat(post(APP, "/api/v1/users", ADMIN, Map.of("username", "dora", "password", "dora-secret-pw",
        "roles", List.of("viewer"))).status()).isEqualTo(201);
    assertThat(post(APP, "/api/v1/flows", basic("steward", "steward-password"),
        Map.of("id", "x", "definition", "- route:\n    from:\n      uri: timer:x\n")).status()).isEqualTo(403);
    JsonNode created = get(APP, "/api/v1/audit?actor=admin&action=users.create&target=users", COMPLIANCE).json();
    assertThat(created).isNotEmpty();
    assertThat(created.get(created.size() - 1).get("outcome").asText()).isEqualTo("ok");
    JsonNode denied = get(APP, "/api/v1/audit?actor=steward&outcome=denied", COMPLIANCE).json();
    assertThat(denied.toString()).contains("flows.create");
    Reply all = get(APP, "/api/v1/audit?limit=1000", COMPLIANCE);
    assertThat(all.body()).doesNotContain("dora-secret-pw").doesNotContain("steward-password");
    assertThat(get(APP, "/api/v1/audit?from=yesterday", COMPLIANCE).status()).isEqualTo(400);
    assertThat(get(APP, "/api/v1/audit?limit=0", COMPLIANCE).status()).isEqualTo(400);
  }

  @Test
  void anUpdateInTheDatabaseIsReportedAtItsEntry() throws Exception {
    for (int i = 0; i < 3; i++) {
      post(APP, "/api/v1/users/me/tokens", ADMIN, Map.of("name", "t" + i));
    }
    assertThat(get(APP, "/api/v1/audit/verify", COMPLIANCE).json().get("intact").asBoolean()).isTrue();
    JsonNode entries = get(APP, "/api/v1/audit?action=users.createToken", COMPLIANCE).json();
    long seq = entries.get(1).get("seq").asLong();
    String actor = entries.get(1).get("actor").asText();
    try (Connection c = APP.<io.cairn.platform.CairnApplication>getApplication().services().catalog().dataSource()
        .getConnection()) {
      assertThat(c.createStatement().executeUpdate("update audit_log set actor = 'nobody' where seq = " + seq))
          .isEqualTo(1);
      JsonNode v = get(APP, "/api/v1/audit/verify", COMPLIANCE).json();
      assertThat(v.get("intact").asBoolean()).isFalse();
      assertThat(v.get("firstBrokenSeq").asLong()).isEqualTo(seq);
      assertThat(v.get("problem").asText()).contains("entry " + seq + " was changed");
      c.createStatement().executeUpdate("update audit_log set actor = '" + actor + "' where seq = " + seq);
    }
    assertThat(get(APP, "/api/v1/audit/verify", COMPLIANCE).json().get("intact").asBoolean()).isTrue();
  }

  @Test
  void evidenceIsExportedAsCsvJsonAndPdf() throws Exception {
    Reply csv = get(APP, "/api/v1/audit/export?format=csv", COMPLIANCE);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("seq,at,actor,action,target,outcome,details,prev_hash,hash");
    JsonNode json = get(APP, "/api/v1/audit/export?format=json&from=2020-01-01", COMPLIANCE).json();
    assertThat(json.get("verification").get("intact").asBoolean()).isTrue();
    assertThat(json.get("entries").toString()).contains("audit.export");
    assertThat(get(APP, "/api/v1/audit/export?format=docx", COMPLIANCE).status()).isEqualTo(400);
    Path pdf = Files.createTempFile("evidence", ".pdf");
    try (Response r = TestApp.api(APP, "/api/v1/audit/export?format=pdf", COMPLIANCE).get()) {
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.getMediaType().toString()).isEqualTo("application/pdf");
      Files.write(pdf, r.readEntity(byte[].class));
    }
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(doc)).contains(EvidenceReport.SECTIONS).contains("audit.export");
    }
  }
}
