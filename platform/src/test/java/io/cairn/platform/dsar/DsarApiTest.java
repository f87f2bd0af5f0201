package io.cairn.platform.dsar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.Role;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.platform.CairnApplication;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testing.TestServer;
import io.cairn.platform.testkit.Http;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Erasure and access requests end to end on the machine's PostgreSQL: a source table and a chain of tables
 * derived from it by real Cairn flows (source → l1 → l2 → l3, and l3 → l4 by a flow that names no subject
 * column), then an erasure by email that follows lineage through every level, a re-run that does not bring
 * the person back, an access bundle, bad input and roles.
 */
class DsarApiTest {
  private static final String NS = "postgres://" + LocalServices.PG_HOST + ":5432";
  private static final int PEOPLE = 20;
  private static final String COMPLIANCE = "carla";
  private static final String COMPLIANCE_PASSWORD = "compliance-password";
  private static final String ENGINEER = "ed";
  private static final String ENGINEER_PASSWORD = "engineer-password";

  private static String shop;
  private static String database;
  private static DropwizardTestSupport<CairnConfiguration> support;
  private static Http admin;
  private static Http compliance;

  @BeforeAll
  static void start() throws Exception {
    shop = LocalServices.createPostgresDatabase("cairn_dsar_shop");
    database = shop.substring(shop.lastIndexOf('/') + 1);
    try (Connection c = db(); Statement s = c.createStatement()) {
      s.execute("create table customers (id bigint primary key, email varchar(200), name varchar(200), "
          + "country varchar(2))");
      for (int i = 1; i <= PEOPLE; i++) {
        s.execute("insert into customers values (" + i + ", 'person" + i + "@example.com', 'Person " + i + "', '"
            + (i % 2 == 0 ? "GB" : "FR") + "')");
      }
    }
    Path home = Files.createTempDirectory("cairn-dsar-test");
    support = new DropwizardTestSupport<>(CairnApplication.class, config(home).toString(),
        ConfigOverride.config("home", home.toString()),
        ConfigOverride.config("bundledPlugins", TestServer.bundledPlugins()),
        ConfigOverride.config("bootstrapAdminPassword", TestServer.ADMIN_PASSWORD),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("logging.level", "WARN"));
    support.before();
    var users = support.<CairnApplication>getApplication().services().userService();
    users.ensure(COMPLIANCE, COMPLIANCE_PASSWORD, EnumSet.of(Role.COMPLIANCE));
    users.ensure(ENGINEER, ENGINEER_PASSWORD, EnumSet.of(Role.ENGINEER));
    users.ensure(TestServer.VIEWER, TestServer.VIEWER_PASSWORD, EnumSet.of(Role.VIEWER));
    admin = new Http(url(), TestServer.admin());
    compliance = new Http(url(), TestServer.basic(COMPLIANCE, COMPLIANCE_PASSWORD));

    deploy("to-l1", "customers", "id", "l1");
    deploy("to-l2", "l1", "id", "l2");
    deploy("to-l3", "l2", "id", "l3");
    deploy("to-l4", "l3", null, "l4");
    for (String flow : List.of("to-l1", "to-l2", "to-l3", "to-l4")) {
      assertThat(run(flow).get("state").asText()).isEqualTo("SUCCEEDED");
    }
    awaitLineage();
    // the source is the CRM's system of record: kept (erased there by its own process); l2 is anonymised
    assertThat(compliance.send(put("/api/v1/dsar/datasets", Map.of("namespace", NS, "name", table("customers"),
        "policy", "retain", "reason", "system of record: the CRM erases it itself"))).status()).isEqualTo(200);
    var anonymise = compliance.send(put("/api/v1/dsar/datasets", Map.of("namespace", NS, "name", table("l2"),
        "policy", "anonymise", "maskSpec", "email=null,name=redact")));
    assertThat(anonymise.status()).as(anonymise.body()).isEqualTo(200);
    assertThat(anonymise.json().get("subjectColumn").asText()).as("learned from the flows").isEqualTo("id");
  }

  @AfterAll
  static void stop() {
    if (support != null) {
      support.after();
    }
    LocalServices.dropPostgresDatabase(shop);
  }

  @Test
  void erasureFollowsLineageAndARerunDoesNotBringThePersonBack() throws Exception {
    JsonNode done = submitAndWait(Map.of("type", "erasure", "reason", "GDPR art. 17 request #42",
        "identifiers", List.of(Map.of("type", "email", "value", "Person7@Example.com"))));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.toString()).as("no raw identifier in the status").doesNotContainIgnoringCase("person7@");
    assertThat(done.get("identifiers").get(0).get("value").asText()).isEqualTo("P***@Example.com");

    Map<String, JsonNode> steps = stepsByTable(done);
    assertThat(steps.get("customers").get("action").asText()).isEqualTo("skipped");
    assertThat(steps.get("customers").get("rows").asLong()).isEqualTo(1);
    assertThat(steps.get("customers").get("detail").asText()).startsWith("retained: system of record");
    assertThat(steps.get("l1").get("action").asText()).isEqualTo("deleted");
    assertThat(steps.get("l1").get("rows").asLong()).isEqualTo(1);
    assertThat(steps.get("l2").get("action").asText()).isEqualTo("anonymised");
    assertThat(steps.get("l2").get("rows").asLong()).isEqualTo(1);
    assertThat(steps.get("l3").get("action").asText()).isEqualTo("deleted");
    assertThat(steps.get("l3").get("rows").asLong()).isEqualTo(1);
    assertThat(steps.get("l4").get("action").asText()).as("the proof says what was not reached")
        .isEqualTo("skipped");
    assertThat(steps.get("l4").get("detail").asText()).startsWith("subject column unknown");

    assertThat(ids("customers")).hasSize(PEOPLE).contains(7L);
    assertThat(ids("l1")).hasSize(PEOPLE - 1).doesNotContain(7L);
    assertThat(ids("l3")).hasSize(PEOPLE - 1).doesNotContain(7L);
    assertThat(query("select email, name, country from l2 where id = 7")).containsExactly("null|***|FR");
    assertThat(query("select count(*) from l2 where email is not null and name <> '***'")).containsExactly("19");
    assertThat(query("select email from l1 where id = 8")).as("others intact").containsExactly("person8@example.com");

    long seq = done.get("auditEntry").asLong();
    JsonNode audit = compliance.get("/api/v1/audit?action=dsar.erasure&limit=10").json();
    JsonNode proof = null;
    for (JsonNode e : audit) {
      if (e.get("seq").asLong() == seq) {
        proof = e;
      }
    }
    assertThat(proof).as("the proof is in the audit chain").isNotNull();
    assertThat(proof.get("actor").asText()).isEqualTo(COMPLIANCE);
    String details = proof.get("details").asText();
    assertThat(details).contains("\"action\":\"deleted\"").contains(table("l3")).contains("\"tombstones\":")
        .doesNotContainIgnoringCase("person7@");
    assertThat(compliance.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();

    // the first flow again: the source still holds the person, the tombstone keeps them out of l1
    assertThat(run("to-l1").get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(ids("l1")).hasSize(PEOPLE - 1).doesNotContain(7L);
    assertThat(run("to-l2").get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(query("select email, name from l2 where id = 7")).containsExactly("null|***");

    JsonNode listed = compliance.get("/api/v1/dsar").json();
    assertThat(listed.toString()).contains(done.get("id").asText()).contains("\"requestedBy\":\"" + COMPLIANCE);
  }

  @Test
  void accessRequestBundlesThePersonsRows() throws Exception {
    JsonNode done = submitAndWait(Map.of("type", "access", "reason", "subject access request",
        "identifiers", List.of(Map.of("type", "customer_id", "value", "3"))));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
    Map<String, JsonNode> steps = stepsByTable(done);
    assertThat(steps.get("customers").get("action").asText()).isEqualTo("exported");
    assertThat(steps.get("l3").get("rows").asLong()).isEqualTo(1);
    var bundle = compliance.get("/api/v1/dsar/" + done.get("id").asText() + "/bundle");
    assertThat(bundle.status()).isEqualTo(200);
    JsonNode b = bundle.json();
    List<String> datasets = new ArrayList<>();
    b.get("datasets").forEach(d -> {
      datasets.add(d.get("name").asText());
      assertThat(d.get("rows")).hasSize(1);
      assertThat(d.get("rows").get(0).get("email").asText()).isEqualTo("person3@example.com");
    });
    assertThat(datasets).contains(table("customers"), table("l1"), table("l2"), table("l3"));
    assertThat(b.get("notReached").toString()).contains(table("l4"));
    assertThat(compliance.get("/api/v1/audit?action=dsar.bundle.read").json()).isNotEmpty();
    assertThat(query("select count(*) from l3 where id = 3")).as("access changes nothing").containsExactly("1");
  }

  @Test
  void badRequestsAre400WithAReason() throws Exception {
    var noIds = compliance.postJson("/api/v1/dsar", Map.of("type", "erasure", "identifiers", List.of()));
    assertThat(noIds.status()).isEqualTo(400);
    assertThat(noIds.json().get("message").asText()).contains("at least one identifier");
    var badType = compliance.postJson("/api/v1/dsar", Map.of("type", "forget",
        "identifiers", List.of(Map.of("type", "email", "value", "a@b.c"))));
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.json().get("message").asText()).contains("'erasure' or 'access'");
    var noValue = compliance.postJson("/api/v1/dsar", Map.of("type", "access",
        "identifiers", List.of(Map.of("type", "email"))));
    assertThat(noValue.status()).isEqualTo(400);
    assertThat(noValue.json().get("message").asText()).contains("identifiers[0]");
    assertThat(compliance.get("/api/v1/dsar/no-such-request").status()).isEqualTo(404);
    var noSpec = compliance.send(put("/api/v1/dsar/datasets", Map.of("namespace", NS, "name", table("l1"),
        "policy", "anonymise")));
    assertThat(noSpec.status()).isEqualTo(400);
    assertThat(noSpec.json().get("message").asText()).contains("mask spec");
    var badPolicy = compliance.send(put("/api/v1/dsar/datasets", Map.of("namespace", NS, "name", table("l1"),
        "policy", "shred")));
    assertThat(badPolicy.status()).isEqualTo(400);

    JsonNode erasure = submitAndWait(Map.of("type", "erasure",
        "identifiers", List.of(Map.of("type", "email", "value", "nobody@example.com"))));
    assertThat(erasure.get("status").asText()).isEqualTo("DONE");
    assertThat(erasure.get("steps")).as("nobody's rows: no dataset found, the quarantine searched and empty")
        .singleElement().satisfies(step -> {
          assertThat(step.get("namespace").asText() + "/" + step.get("dataset").asText()).isEqualTo("cairn/quarantine");
          assertThat(step.get("action").asText()).isEqualTo("deleted");
          assertThat(step.get("rows").asLong()).isZero();
        });
    var bundle = compliance.get("/api/v1/dsar/" + erasure.get("id").asText() + "/bundle");
    assertThat(bundle.status()).isEqualTo(409);
    assertThat(bundle.json().get("message").asText()).contains("only access requests have a bundle");
  }

  @Test
  void onlyComplianceAndAdminsMayUseIt() throws Exception {
    Map<String, Object> body = Map.of("type", "access", "identifiers", List.of(Map.of("type", "email",
        "value", "person1@example.com")));
    for (Http other : List.of(new Http(url(), TestServer.viewer()),
        new Http(url(), TestServer.basic(ENGINEER, ENGINEER_PASSWORD)))) {
      assertThat(other.postJson("/api/v1/dsar", body).status()).isEqualTo(403);
      assertThat(other.get("/api/v1/dsar").status()).isEqualTo(403);
      assertThat(other.get("/api/v1/dsar/datasets").status()).isEqualTo(403);
    }
    assertThat(new Http(url(), "Basic bm9ib2R5Om5vcGU=").get("/api/v1/dsar").status()).isEqualTo(401);
    var byAdmin = admin.postJson("/api/v1/dsar", body);
    assertThat(byAdmin.status()).isEqualTo(202);
    assertThat(byAdmin.json().get("status").asText()).isIn("PENDING", "RUNNING", "DONE");
    assertThat(admin.get("/api/v1/dsar/datasets").json().toString()).contains(table("l3"));
  }

  // --- helpers ---

  private static Path config(Path home) throws Exception {
    String base;
    try (InputStream in = DsarApiTest.class.getClassLoader().getResourceAsStream("cairn.yml")) {
      base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String connections = "erasure:\n  connections:\n    - namespace: \"" + NS + "\"\n      url: \""
        + LocalServices.url("postgres") + "\"\n      user: " + LocalServices.PG_USER
        + "\n      password: \"trust-ignores-it\"\n";
    assertThat(base).contains("erasure:\n");
    Path file = home.resolve("cairn-dsar.yml");
    Files.writeString(file, base.replace("erasure:\n", connections));
    return file;
  }

  private static String url() {
    return "http://localhost:" + support.getLocalPort();
  }

  private static String table(String t) {
    return database + ".public." + t;
  }

  private static void deploy(String id, String from, String subject, String to) throws Exception {
    String flow = """
        - route:
            from:
              uri: "cairn:source:jdbc"
              parameters: {url: "%s", user: "%s", table: %s%s}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: "%s", table: %s, mode: upsert, keyColumns: id, createTable: true}
        """.formatted(shop, LocalServices.PG_USER, from, subject == null ? "" : ", subjectColumn: " + subject,
        shop, LocalServices.PG_USER, to);
    var r = admin.postJson("/api/v1/flows", Map.of("id", id, "definition", flow));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static JsonNode run(String flow) throws Exception {
    String runId = admin.post("/api/v1/flows/" + flow + "/run").json().get("id").asText();
    return admin.awaitRun(flow, runId, Duration.ofSeconds(90));
  }

  /** Lineage is stored by a writer thread: wait until the chain reaches l4. */
  private static void awaitLineage() throws Exception {
    String node = URLEncoder.encode("dataset:" + NS + ":" + table("customers"), StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (admin.get("/api/v1/lineage?depth=20&direction=DOWNSTREAM&nodeId=" + node).body().contains(table("l4"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("lineage did not reach l4");
  }

  private static JsonNode submitAndWait(Map<String, Object> body) throws Exception {
    var accepted = compliance.postJson("/api/v1/dsar", body);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String id = accepted.json().get("id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r = compliance.get("/api/v1/dsar/" + id).json();
      if (r.get("status").asText().equals("DONE") || r.get("status").asText().equals("FAILED")) {
        return r;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("request " + id + " did not end");
  }

  private static Map<String, JsonNode> stepsByTable(JsonNode request) {
    Map<String, JsonNode> byTable = new java.util.HashMap<>();
    request.get("steps").forEach(s -> {
      if (s.get("namespace").asText().equals("cairn")) {
        assertThat(s.get("dataset").asText()).as("Cairn's own store of records about people").isEqualTo("quarantine");
        return;
      }
      assertThat(s.get("namespace").asText()).isEqualTo(NS);
      String name = s.get("dataset").asText();
      byTable.put(name.substring(name.lastIndexOf('.') + 1), s);
    });
    assertThat(byTable).as(request.toString()).containsKeys("customers", "l1", "l2", "l3", "l4");
    return byTable;
  }

  private static java.net.http.HttpRequest.Builder put(String path, Object body) throws Exception {
    return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + path))
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)));
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(shop, LocalServices.PG_USER, "");
  }

  private static List<Long> ids(String table) throws Exception {
    List<Long> ids = new ArrayList<>();
    query("select id from " + table + " order by id").forEach(v -> ids.add(Long.parseLong(v)));
    return ids;
  }

  private static List<String> query(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> vals = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          vals.add(String.valueOf(rs.getString(i)));
        }
        rows.add(String.join("|", vals));
      }
    }
    return rows;
  }
}
