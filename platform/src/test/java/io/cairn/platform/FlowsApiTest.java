package io.cairn.platform;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.call;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.cairn.platform.testkit.TestApp.Reply;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Flows through the REST API of a real server: deploy, versions, refusals, run, status. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FlowsApiTest {
  static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME);
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);

  @Test
  void invalidYamlIsRefusedWithTheSchemaError() {
    Reply r = post(APP, "/api/v1/flows", ADMIN, Map.of("id", "broken",
        "definition", "- route:\n    from:\n      uri: timer:x\n      stepz: []\n"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("does not match the Camel YAML DSL schema");
    assertThat(r.json().get("problems").toString()).contains("stepz").contains("\"line\":4");
    assertThat(get(APP, "/api/v1/flows/broken", ADMIN).status()).isEqualTo(404);
  }

  @Test
  void unknownComponentIsRefusedAtDeploy() {
    Reply r = post(APP, "/api/v1/flows", ADMIN, Map.of("id", "unknown",
        "definition", "- route:\n    from:\n      uri: warp-drive:engage\n      steps:\n        - to: log:x\n"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("warp-drive");
    Reply id = post(APP, "/api/v1/flows", ADMIN, Map.of("id", "Bad Id!", "definition", "x"));
    assertThat(id.status()).isEqualTo(400);
    assertThat(id.body()).contains("flow id");
  }

  @Test
  void flowsAreVersionedRunAndReportStatus() throws Exception {
    Path out = Files.createDirectories(HOME.resolve("ticks"));
    String v1 = "- route:\n    from:\n      uri: timer:t?period=10&repeatCount=3\n      steps:\n"
        + "        - setBody:\n            constant: tick\n        - to: file:" + out + "?fileName=${exchangeId}\n";
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "ticker", "name", "Ticker", "definition", v1))
        .status()).isEqualTo(201);
    Reply v2 = call(APP, "PUT", "/api/v1/flows/ticker", ADMIN,
        Entity.entity(v1.replace("repeatCount=3", "repeatCount=4"), "application/yaml"));
    assertThat(v2.status()).isEqualTo(200);
    assertThat(v2.json().get("currentVersion").asInt()).isEqualTo(2);
    assertThat(get(APP, "/api/v1/flows/ticker/versions", ADMIN).json()).hasSize(2);

    Reply run = post(APP, "/api/v1/flows/ticker/run", ADMIN, null);
    assertThat(run.status()).isEqualTo(202);
    String runId = run.json().get("id").asText();
    Reply again = post(APP, "/api/v1/flows/ticker/run", ADMIN, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("already running");
    long deadline = System.currentTimeMillis() + 10_000;
    while (Files.list(out).count() < 4 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(get(APP, "/api/v1/flows/ticker", ADMIN).json().get("status").asText()).isEqualTo("RUNNING");
    assertThat(post(APP, "/api/v1/flows/ticker/stop", ADMIN, null).status()).isEqualTo(200);
    Reply detail = get(APP, "/api/v1/flows/ticker/runs/" + runId, ADMIN);
    assertThat(detail.json().get("run").get("state").asText()).isEqualTo("STOPPED");
    assertThat(detail.json().get("run").get("rowsIn").asLong()).isEqualTo(4);
    assertThat(detail.json().get("datasets").toString()).contains(out.toString());
    assertThat(get(APP, "/api/v1/flows/ticker/runs", ADMIN).json()).hasSize(1);
    assertThat(get(APP, "/api/v1/datasets?q=ticks", ADMIN).json()).hasSize(1);
    assertThat(get(APP, "/api/v1/flows/nosuch/runs", ADMIN).status()).isEqualTo(404);
    assertThat(detail.json().get("run").get("flowId").asText()).as("typed ids are plain strings").isEqualTo("ticker");
    assertThat(detail.json().get("run").get("startedAt").asText()).as("ISO-8601 dates").matches("\\d{4}-.*Z");
  }

  @Test
  void theRootLeadsToTheWebUiWithoutLogin() {
    Reply ui = get(APP, "/ui/", null);
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("<title>Cairn</title>");
  }
}
