package io.cairn.platform.policy;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.call;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.governance.masking.Digests;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.cairn.platform.testkit.TestApp.Reply;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The policy API by role, refusals at save, and policies enforced in real flows (masks, row filters, denials). */
@ExtendWith(DropwizardExtensionsSupport.class)
class PoliciesApiTest {
  static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()));
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  static final String COMPLIANCE = basic("compliance", "compliance-password");
  static final String ENGINEER = basic("engineer", "engineer-password");

  @BeforeAll
  static void users() {
    for (String role : List.of("engineer", "steward", "compliance", "viewer")) {
      assertThat(post(APP, "/api/v1/users", ADMIN, Map.of("username", role, "password", role + "-password",
          "roles", List.of(role))).status()).isEqualTo(201);
    }
  }

  static Reply send(String method, String path, String auth, String json) {
    return call(APP, method, path, auth, json == null ? null : Entity.json(json));
  }

  @Test
  void onlyComplianceAndAdminsManagePolicies() {
    String policy = """
        {"name": "roles test", "service": "cairn", "resources": {"flow": {"values": ["x"]}},
         "policyItems": [{"accesses": [{"type": "deploy", "isAllowed": true}], "users": ["x"]}]}""";
    assertThat(get(APP, "/api/v1/policies", null).status()).isEqualTo(401);
    for (String role : List.of("viewer", "engineer", "steward")) {
      String auth = basic(role, role + "-password");
      assertThat(get(APP, "/api/v1/policies", auth).status()).as(role).isEqualTo(403);
      assertThat(send("POST", "/api/v1/policies", auth, policy).status()).as(role).isEqualTo(403);
      assertThat(send("DELETE", "/api/v1/policies/1", auth, null).status()).as(role).isEqualTo(403);
      assertThat(get(APP, "/api/v1/policies/servicedef", auth).status()).as(role).isEqualTo(403);
    }
    assertThat(get(APP, "/api/v1/policies", COMPLIANCE).json().toString()).contains("default: every user");
    assertThat(get(APP, "/api/v1/policies/servicedef", ADMIN).json().get(0).get("name").asText()).isEqualTo("cairn");
    Reply created = send("POST", "/api/v1/policies", COMPLIANCE, policy);
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(get(APP, "/api/v1/policies/" + id, ADMIN).json().get("name").asText()).isEqualTo("roles test");
    assertThat(send("POST", "/api/v1/policies", COMPLIANCE, policy).status()).isEqualTo(409);
    assertThat(send("PUT", "/api/v1/policies/" + id, ADMIN, policy.replace("roles test", "renamed")).json()
        .get("name").asText()).isEqualTo("renamed");
    assertThat(send("DELETE", "/api/v1/policies/" + id, COMPLIANCE, null).status()).isEqualTo(204);
    assertThat(get(APP, "/api/v1/policies/" + id, COMPLIANCE).status()).isEqualTo(404);
    assertThat(get(APP, "/api/v1/audit?action=policies.create&actor=compliance", COMPLIANCE).json()).isNotEmpty();

    assertThat(get(APP, "/api/v1/policies/export", basic("viewer", "viewer-password")).status()).isEqualTo(403);
    JsonNode exported = get(APP, "/api/v1/policies/export", COMPLIANCE).json();
    assertThat(exported.get("policies").toString()).contains("default: every user");
    Reply imported = send("POST", "/api/v1/policies/import", COMPLIANCE, """
        {"policies": [{"id": 9, "service": "tags", "serviceType": "tag", "name": "imported tag mask",
          "policyType": 1, "resources": {"tag": {"values": ["secret"]}},
          "dataMaskPolicyItems": [{"accesses": [{"type": "cairn:read", "isAllowed": true}], "groups": ["viewer"],
            "dataMaskInfo": {"dataMaskType": "cairn:MASK"}}]}]}""");
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.json().get("created").get(0).asText()).isEqualTo("imported tag mask");
    assertThat(send("POST", "/api/v1/policies/import", COMPLIANCE, "{}").status()).isEqualTo(400);
  }

  @Test
  void scriptConditionsAreRefusedAtSave() {
    Reply r = send("POST", "/api/v1/policies", COMPLIANCE, """
        {"name": "script", "service": "cairn", "resources": {"flow": {"values": ["*"]}},
         "conditions": [{"type": "_expression", "values": ["true"]}],
         "policyItems": [{"accesses": [{"type": "deploy", "isAllowed": true}], "users": ["x"]}]}""");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("details").toString()).contains("conditions are not supported");
    assertThat(send("POST", "/api/v1/policies", COMPLIANCE, "{").status()).isEqualTo(400);
  }

  @Test
  void flowsAreMaskedFilteredAndDeniedByPolicy() throws Exception {
    Path in = Files.createDirectories(HOME.resolve("in")).resolve("people.csv");
    Files.writeString(in, "id,email,country\n1,Ann@x.com,FR\n2,bob@x.com,DE\n3,cy@x.com,FR\n");
    assertThat(send("POST", "/api/v1/policies", COMPLIANCE, """
        {"name": "engineers get hashed emails", "service": "cairn", "policyType": 1,
         "resources": {"namespace": {"values": ["file"]}, "dataset": {"values": ["*governed*"]},
                       "column": {"values": ["email"]}},
         "dataMaskPolicyItems": [{"accesses": [{"type": "read", "isAllowed": true}], "groups": ["engineer"],
           "dataMaskInfo": {"dataMaskType": "CUSTOM", "valueExpr": "sha256:email"}}]}""").status()).isEqualTo(201);
    assertThat(send("POST", "/api/v1/policies", COMPLIANCE, """
        {"name": "engineers see French rows", "service": "cairn", "policyType": 2,
         "resources": {"namespace": {"values": ["file"]}, "dataset": {"values": ["*governed*"]}},
         "rowFilterPolicyItems": [{"accesses": [{"type": "read", "isAllowed": true}], "groups": ["engineer"],
           "rowFilterInfo": {"filterExpr": "country = 'FR'"}}]}""").status()).isEqualTo(201);
    Reply deny = send("POST", "/api/v1/policies", COMPLIANCE, """
        {"name": "nobody writes to forbidden", "service": "cairn",
         "resources": {"namespace": {"values": ["file"]}, "dataset": {"values": ["*forbidden*"]},
                       "column": {"values": ["*"]}},
         "denyPolicyItems": [{"accesses": [{"type": "write", "isAllowed": true}], "groups": ["public"]}]}""");
    assertThat(deny.status()).isEqualTo(201);

    JsonNode ok = runAsEngineer("governed-copy", in, HOME.resolve("governed"));
    assertThat(ok.get("state").asText()).as(ok.toString()).isEqualTo("SUCCEEDED");
    List<String> lines = Files.readAllLines(HOME.resolve("governed").resolve("out.csv"));
    assertThat(lines).containsExactly("id,email,country", "1," + Digests.sha256Hex("ann@x.com") + ",FR",
        "3," + Digests.sha256Hex("cy@x.com") + ",FR");
    JsonNode applied = get(APP, "/api/v1/audit?action=policy.apply&actor=engineer", COMPLIANCE).json();
    assertThat(applied).as("the decision and the run's summary").hasSize(2);
    assertThat(applied.get(0).get("details").asText()).contains("\"phase\":\"decision\"").contains("sha256:email");
    assertThat(applied.get(1).get("details").asText()).contains("\"rowsFiltered\":1").contains("sha256:email");

    JsonNode refused = runAsEngineer("forbidden-copy", in, HOME.resolve("forbidden"));
    assertThat(refused.get("state").asText()).isEqualTo("FAILED");
    assertThat(refused.get("error").asText()).contains("may not write file/")
        .contains("denied by policy " + deny.json().get("id").asLong());
    assertThat(get(APP, "/api/v1/audit?action=policy.deny", COMPLIANCE).json().toString())
        .contains("forbidden-copy");
  }

  @Test
  void deployingAFlowNeedsDeployOnItForItsPrincipal() {
    Reply deny = send("POST", "/api/v1/policies", COMPLIANCE, """
        {"name": "no secret flows", "service": "cairn", "resources": {"flow": {"values": ["secret-*"]}},
         "denyPolicyItems": [{"accesses": [{"type": "deploy", "isAllowed": true}], "groups": ["engineer"]}]}""");
    assertThat(deny.status()).isEqualTo(201);
    String route = "- route:\n    from:\n      uri: timer:s?repeatCount=1\n      steps:\n        - to: log:s\n";
    Reply refused = post(APP, "/api/v1/flows", ENGINEER, Map.of("id", "secret-payroll", "definition", route));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("flow 'secret-payroll' may not be deployed")
        .contains("run as engineer").contains("denied by policy " + deny.json().get("id").asLong());
    assertThat(get(APP, "/api/v1/flows/secret-payroll", ENGINEER).status()).isEqualTo(404);
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "secret-ops", "definition", route)).status())
        .as("admin is not in the denied group").isEqualTo(201);
    assertThat(get(APP, "/api/v1/audit?action=policy.deny&actor=engineer", COMPLIANCE).json().toString())
        .contains("secret-payroll");
  }

  @Test
  void stewardsReviewTheSuggestionsThatRunsMake() throws Exception {
    Path in = Files.createDirectories(HOME.resolve("scan")).resolve("contacts.csv");
    Files.writeString(in, "id,contact,country\n1,ann@x.com,FR\n2,bob@y.org,DE\n3,cy@z.net,FR\n");
    assertThat(runAsEngineer("scan-contacts", in, HOME.resolve("scanned")).get("state").asText())
        .isEqualTo("SUCCEEDED");
    String steward = basic("steward", "steward-password");
    assertThat(get(APP, "/api/v1/classification/suggestions", basic("viewer", "viewer-password")).status())
        .isEqualTo(403);
    assertThat(get(APP, "/api/v1/classification/suggestions", null).status()).isEqualTo(401);
    assertThat(get(APP, "/api/v1/classification/suggestions?status=maybe", steward).status()).isEqualTo(400);
    JsonNode pending = get(APP, "/api/v1/classification/suggestions", steward).json();
    JsonNode email = null;
    for (JsonNode s : pending) {
      if (s.get("column").asText().equals("contact")) {
        email = s;
      }
    }
    assertThat(email).as(pending.toString()).isNotNull();
    assertThat(email.get("tag").asText()).isEqualTo("PII.email");
    assertThat(email.get("confidence").asDouble()).isEqualTo(1.0);
    Reply accepted = post(APP, "/api/v1/classification/suggestions/" + email.get("id").asLong() + "/accept", steward,
        null);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.json().get("decidedBy").asText()).isEqualTo("steward");
    assertThat(post(APP, "/api/v1/classification/suggestions/999999/reject", steward, null).status()).isEqualTo(404);
    assertThat(get(APP, "/api/v1/audit?action=classification.accept&actor=steward", COMPLIANCE).json()).hasSize(1);
  }

  private static JsonNode runAsEngineer(String id, Path in, Path out) throws InterruptedException {
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", format: csv}
              steps:
                - to: {uri: "cairn:sink:file", parameters: {path: "%s", format: csv, fileName: out.csv}}
        """.formatted(in, out);
    assertThat(post(APP, "/api/v1/flows", ENGINEER, Map.of("id", id, "definition", route)).status()).isEqualTo(201);
    String runId = post(APP, "/api/v1/flows/" + id + "/run", ENGINEER, null).json().get("id").asText();
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode run = get(APP, "/api/v1/flows/" + id + "/runs/" + runId, ENGINEER).json().get("run");
      if (!"RUNNING".equals(run.get("state").asText())) {
        return run;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + runId + " did not end");
  }
}
