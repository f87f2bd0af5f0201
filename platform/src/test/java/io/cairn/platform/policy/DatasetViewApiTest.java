package io.cairn.platform.policy;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.call;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.cairn.platform.testkit.TestApp.Reply;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Previews and exports with the caller's masks and row filters, on a real PostgreSQL table written by a real
 * flow (file -> jdbc): hana sees hashed emails and may export, rex sees redacted emails of French rows only and
 * may not export, nora may not preview at all (deny items over the default policy that lets every user preview).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatasetViewApiTest {
  static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()));
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  static final String HANA = basic("hana", "hana-password");
  static final String REX = basic("rex", "rex-password");
  static final String NORA = basic("nora", "nora-password");
  static final List<String> DATABASES = new ArrayList<>();
  static long table;
  static long inputFile;

  @BeforeAll
  static void flowWritesATable() throws Exception {
    for (String user : List.of("hana", "rex", "nora")) {
      assertThat(post(APP, "/api/v1/users", ADMIN, Map.of("username", user, "password", user + "-password",
          "roles", List.of("viewer"))).status()).isEqualTo(201);
    }
    policy("""
        {"name": "hana and rex preview people; nora may not, nor may rex export", "service": "cairn",
         "resources": {"namespace": {"values": ["*"]}, "dataset": {"values": ["*preview_people*"]}},
         "policyItems": [{"accesses": [{"type": "preview", "isAllowed": true}], "users": ["hana", "rex"]},
                         {"accesses": [{"type": "export", "isAllowed": true}], "users": ["hana"]}],
         "denyPolicyItems": [{"accesses": [{"type": "preview", "isAllowed": true}, {"type": "export", "isAllowed": true}],
                              "users": ["nora"]},
                             {"accesses": [{"type": "export", "isAllowed": true}], "users": ["rex"]}]}""");
    policy("""
        {"name": "emails: hashed for hana, redacted for rex", "service": "cairn", "policyType": 1,
         "resources": {"namespace": {"values": ["*"]}, "dataset": {"values": ["*preview_people*"]},
                       "column": {"values": ["email"]}},
         "dataMaskPolicyItems": [
           {"accesses": [{"type": "read", "isAllowed": true}], "users": ["hana"], "dataMaskInfo": {"dataMaskType": "MASK_HASH"}},
           {"accesses": [{"type": "read", "isAllowed": true}], "users": ["rex"], "dataMaskInfo": {"dataMaskType": "MASK"}}]}""");
    policy("""
        {"name": "rex sees French rows", "service": "cairn", "policyType": 2,
         "resources": {"namespace": {"values": ["*"]}, "dataset": {"values": ["*preview_people*"]}},
         "rowFilterPolicyItems": [{"accesses": [{"type": "read", "isAllowed": true}], "users": ["rex"],
           "rowFilterInfo": {"filterExpr": "country = 'FR'"}}]}""");

    Path in = Files.createDirectories(HOME.resolve("in")).resolve("preview_people.csv");
    Files.writeString(in, "id,email,country\n1,ann@x.com,FR\n2,bob@x.com,DE\n3,\"cy, jr@x.com\",FR\n");
    deployFileToPostgres("people-to-pg", in, "preview_people");
    runToTheEnd("people-to-pg");
    for (JsonNode d : get(APP, "/api/v1/datasets?q=preview_people", ADMIN).json()) {
      if (d.get("namespace").asText().startsWith("postgres://")) {
        table = d.get("id").asLong();
      } else if (d.get("namespace").asText().equals("file")) {
        inputFile = d.get("id").asLong();
      }
    }
    assertThat(table).as("the table's dataset").isPositive();
    assertThat(inputFile).as("the input file's dataset").isPositive();
  }

  @AfterAll
  static void dropDatabases() {
    DATABASES.forEach(LocalServices::dropPostgresDatabase);
  }

  @Test
  void eachCallerSeesTheRowsThroughTheirOwnMasksAndFilters() {
    JsonNode hana = get(APP, "/api/v1/datasets/" + table + "/preview", HANA).json();
    assertThat(hana.get("rowFilter").isNull()).isTrue();
    assertThat(hana.get("rows")).hasSize(3);
    JsonNode email = hana.get("columns").get(1);
    assertThat(email.get("name").asText()).isEqualTo("email");
    assertThat(email.get("masked").asBoolean()).isTrue();
    assertThat(email.get("mask").asText()).contains("MASK_HASH");
    assertThat(hana.get("columns").get(0).get("masked").asBoolean()).isFalse();
    assertThat(hana.toString()).doesNotContain("ann@x.com").doesNotContain("bob@x.com");
    assertThat(hana.get("rows").get(0).get(1).asText()).hasSize(64).matches("[0-9a-f]+");

    JsonNode rex = get(APP, "/api/v1/datasets/" + table + "/preview?limit=10", REX).json();
    assertThat(rex.get("rowFilter").asText()).isEqualTo("country = 'FR'");
    assertThat(rex.get("rows")).hasSize(2).allSatisfy(r -> {
      assertThat(r.get(2).asText()).isEqualTo("FR");
      assertThat(r.get(1).asText()).isEqualTo("[REDACTED]");
    });
    assertThat(get(APP, "/api/v1/datasets/" + table + "/preview?limit=1", HANA).json().get("rows")).hasSize(1);

    Reply nora = get(APP, "/api/v1/datasets/" + table + "/preview", NORA);
    assertThat(nora.status()).isEqualTo(403);
    assertThat(nora.json().get("message").asText()).contains("nora may not preview").contains("preview_people");

    JsonNode audited = get(APP, "/api/v1/audit?action=dataset.preview&limit=100", ADMIN).json();
    assertThat(audited.toString()).contains("\"actor\":\"hana\"").contains("\"actor\":\"rex\"")
        .contains("\"actor\":\"nora\"").doesNotContain("ann@x.com");
    assertThat(audited).anySatisfy(e -> assertThat(e.get("outcome").asText()).isEqualTo("denied"))
        .anySatisfy(e -> assertThat(e.get("outcome").asText()).isEqualTo("masked"));
  }

  @Test
  void exportsStreamTheSameViewAndNeedExportAccess() {
    Reply csv = get(APP, "/api/v1/datasets/" + table + "/export?format=csv", HANA);
    assertThat(csv.status()).isEqualTo(200);
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo("id,email,country");
    assertThat(csv.body()).doesNotContain("@x.com");
    assertThat(lines[1].split(",")[1]).hasSize(64);

    Reply json = get(APP, "/api/v1/datasets/" + table + "/export?format=json", HANA);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().get("rows")).hasSize(3);
    assertThat(json.json().get("columns").get(1).get("masked").asBoolean()).isTrue();

    assertThat(get(APP, "/api/v1/datasets/" + table + "/export?format=csv", REX).status())
        .as("rex may preview but not export").isEqualTo(403);
    assertThat(get(APP, "/api/v1/datasets/" + table + "/export?format=csv", NORA).status()).isEqualTo(403);
    assertThat(get(APP, "/api/v1/audit?action=dataset.export&actor=hana", ADMIN).json()).hasSize(2);
    assertThat(get(APP, "/api/v1/audit?action=dataset.export&actor=rex", ADMIN).json().get(0).get("outcome")
        .asText()).isEqualTo("denied");
  }

  @Test
  void filesWrittenByAFileSinkAreReadBackThroughTheFileConnector() throws Exception {
    Path in = HOME.resolve("in").resolve("preview_people.csv");
    Path out = HOME.resolve("preview_people_out");
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: %s, format: csv, columns: "id:LONG,email:STRING,country:STRING"}
              steps:
                - to: "cairn:sink:file?path=%s&format=csv&fileName=people.csv"
        """.formatted(in, out);
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "people-to-file", "definition", route)).status())
        .isEqualTo(201);
    String runId = post(APP, "/api/v1/flows/people-to-file/run", ADMIN, null).json().get("id").asText();
    assertThat(TestApp.awaitRun(APP, "people-to-file", runId, ADMIN).get("state").asText()).isEqualTo("SUCCEEDED");
    long folder = 0;
    for (JsonNode d : get(APP, "/api/v1/datasets?q=preview_people_out", ADMIN).json()) {
      folder = d.get("id").asLong();
    }
    JsonNode rex = get(APP, "/api/v1/datasets/" + folder + "/preview", REX).json();
    assertThat(rex.get("rows")).as(rex.toString()).hasSize(2).allSatisfy(r -> {
      assertThat(r.get(1).asText()).isEqualTo("[REDACTED]");
      assertThat(r.get(2).asText()).isEqualTo("FR");
    });
  }

  @Test
  void tagPoliciesFollowTheTagsStewardsAccepted() throws Exception {
    Path in = Files.createDirectories(HOME.resolve("tagged")).resolve("preview_people_tagged.csv");
    Files.writeString(in, "id,email,country\n1,ann@x.com,FR\n2,bob@x.com,DE\n3,cy@x.com,FR\n");
    deployFileToPostgres("tagged-to-pg", in, "preview_people_tagged");
    runToTheEnd("tagged-to-pg");
    long suggestion = -1;
    for (JsonNode s : get(APP, "/api/v1/classification/suggestions", ADMIN).json()) {
      if (s.get("dataset").asText().contains("preview_people_tagged") && s.get("column").asText().equals("email")) {
        suggestion = s.get("id").asLong();
      }
    }
    assertThat(suggestion).as("the scan suggested PII.email").isPositive();
    assertThat(post(APP, "/api/v1/classification/suggestions/" + suggestion + "/accept", ADMIN, null).status())
        .isEqualTo(200);
    assertThat(post(APP, "/api/v1/flows/tagged-to-pg/offsets/reset", ADMIN, null).status()).isEqualTo(200);
    runToTheEnd("tagged-to-pg");
    policy("""
        {"name": "rex may not preview emails tagged PII.email", "service": "cairn-tags",
         "resources": {"tag": {"values": ["PII.email"]}},
         "denyPolicyItems": [{"accesses": [{"type": "cairn:preview", "isAllowed": true}], "users": ["rex"]}]}""");
    long tagged = 0;
    for (JsonNode d : get(APP, "/api/v1/datasets?q=preview_people_tagged", ADMIN).json()) {
      if (d.get("namespace").asText().startsWith("postgres://")) {
        tagged = d.get("id").asLong();
      }
    }
    JsonNode rex = get(APP, "/api/v1/datasets/" + tagged + "/preview", REX).json();
    assertThat(rex.get("columns").get(1).get("mask").asText()).as(rex.toString()).isEqualTo("denied");
    assertThat(rex.get("rows")).isNotEmpty().allSatisfy(r -> assertThat(r.get(1).isNull()).isTrue());
    JsonNode hana = get(APP, "/api/v1/datasets/" + tagged + "/preview", HANA).json();
    assertThat(hana.get("rows")).isNotEmpty().allSatisfy(r -> assertThat(r.get(1).asText()).hasSize(64));
  }

  /** Deploys a flow that copies the CSV file into a new table of a new PostgreSQL database. */
  private static void deployFileToPostgres(String flow, Path csv, String table) {
    String db = LocalServices.createPostgresDatabase("cairn_preview");
    DATABASES.add(db);
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: %s, format: csv, columns: "id:LONG,email:STRING,country:STRING"}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: "%s", password: "any", table: %s, createTable: true}
        """.formatted(csv, db, LocalServices.PG_USER, table);
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", flow, "definition", route)).status()).isEqualTo(201);
  }

  private static void runToTheEnd(String flow) throws InterruptedException {
    String runId = post(APP, "/api/v1/flows/" + flow + "/run", ADMIN, null).json().get("id").asText();
    JsonNode run = TestApp.awaitRun(APP, flow, runId, ADMIN);
    assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
  }

  @Test
  void badRequestsAreRefusedClearly() {
    assertThat(get(APP, "/api/v1/datasets/" + table + "/preview", null).status()).isEqualTo(401);
    assertThat(get(APP, "/api/v1/datasets/" + table + "/preview?limit=0", HANA).json().get("message").asText())
        .contains("limit must be 1..1000");
    assertThat(get(APP, "/api/v1/datasets/" + table + "/export?format=xml", HANA).status()).isEqualTo(400);
    assertThat(get(APP, "/api/v1/datasets/999999/preview", HANA).status()).isEqualTo(404);
    Reply notWritten = get(APP, "/api/v1/datasets/" + inputFile + "/preview", HANA);
    assertThat(notWritten.status()).as(notWritten.body()).isEqualTo(409);
    assertThat(notWritten.json().get("message").asText()).contains("cannot be read back");
    assertThat(get(APP, "/api/v1/datasets/" + table, HANA).status()).as("the dataset page still answers")
        .isEqualTo(200);
  }

  private static void policy(String json) {
    Reply r = call(APP, "POST", "/api/v1/policies", ADMIN, Entity.json(json));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
