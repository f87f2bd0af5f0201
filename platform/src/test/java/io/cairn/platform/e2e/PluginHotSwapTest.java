package io.cairn.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.plugins.PluginZips;
import io.cairn.platform.testing.TestServer;
import io.cairn.platform.testkit.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins installed, upgraded and removed while flows run: a flow on other plugins keeps its run going; a
 * flow on the upgraded plugin is restarted on the new version; removal is refused while it runs, then forced.
 * After a restart of the server, plugins and the flow that was started are back.
 */
class PluginHotSwapTest {
  @TempDir
  Path home;
  @TempDir
  Path zips;

  private static final String BUSY = """
      - route:
          from:
            uri: "cairn:source:datagen?entity=events&count=100000000"
            steps:
              - delay:
                  constant: "20"
              - to: "log:busy?level=OFF"
      """;
  private static final String PROBE = """
      - route:
          from:
            uri: "cairn:source:good?path=/tmp/nothing"
            steps:
              - to: "log:probe?level=OFF"
      """;

  @Test
  void pluginsChangeUnderRunningFlows() throws Exception {
    TestServer server = TestServer.start(home, TestServer.bundledPlugins());
    String busyRun;
    try {
      Http http = new Http(server.url(), TestServer.admin());
      var busyDeployed = http.postJson("/api/v1/flows", Map.of("id", "busy", "definition", BUSY));
      assertThat(busyDeployed.status()).as(busyDeployed.body()).isEqualTo(201);
      busyRun = http.post("/api/v1/flows/busy/start").json().get("id").asText();
      long before = awaitRows(http, "busy", 1);

      assertThat(upload(http, "POST", "/api/v1/plugins?fileName=good.zip", PluginZips.good("1.0.0").writeTo(zips))
          .status()).isEqualTo(201);
      var deployed = http.postJson("/api/v1/flows", Map.of("id", "probe", "definition", PROBE));
      assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
      String probeRun = http.post("/api/v1/flows/probe/start").json().get("id").asText();

      var upgraded = upload(http, "PUT", "/api/v1/plugins/good-plugin?fileName=good2.zip",
          PluginZips.good("1.1.0").writeTo(zips));
      assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(200);
      assertThat(upgraded.json().get("version").asText()).isEqualTo("1.1.0");
      JsonNode probe = http.get("/api/v1/flows/probe").json();
      assertThat(probe.get("status").asText()).isEqualTo("RUNNING");
      assertThat(probe.get("progress").get("runId").asText()).as("restarted on the new version")
          .isNotEqualTo(probeRun);
      assertThat(http.get("/api/v1/flows/probe/runs/" + probeRun).json().get("run").get("state").asText())
          .isEqualTo("STOPPED");

      var refused = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/plugins/good-plugin"))
          .DELETE());
      assertThat(refused.status()).isEqualTo(409);
      assertThat(http.get("/api/v1/flows/probe").json().get("status").asText()).isEqualTo("RUNNING");
      var forced = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/plugins/good-plugin?force=true"))
          .DELETE());
      assertThat(forced.status()).isEqualTo(204);
      assertThat(http.get("/api/v1/flows/probe").json().get("status").asText()).isNotEqualTo("RUNNING");

      JsonNode busy = http.get("/api/v1/flows/busy").json();
      assertThat(busy.get("status").asText()).isEqualTo("RUNNING");
      assertThat(busy.get("progress").get("runId").asText()).as("the other flow kept its run").isEqualTo(busyRun);
      assertThat(awaitRows(http, "busy", before + 1)).isGreaterThan(before);
    } finally {
      server.stop();
    }

    TestServer restarted = TestServer.start(home, TestServer.bundledPlugins());
    try {
      Http http = new Http(restarted.url(), TestServer.admin());
      JsonNode plugins = http.get("/api/v1/plugins").json();
      assertThat(plugins.toString()).contains("connector-datagen").contains("connector-file")
          .doesNotContain("good-plugin");
      assertThat(http.get("/api/v1/flows/busy/runs/" + busyRun).json().get("run").get("state").asText())
          .as("a clean shutdown stops the run").isEqualTo("STOPPED");
      JsonNode busy = http.get("/api/v1/flows/busy").json();
      assertThat(busy.get("status").asText()).as("a started flow is restored").isEqualTo("RUNNING");
      assertThat(busy.get("progress").get("runId").asText()).isNotEqualTo(busyRun);
      assertThat(http.get("/api/v1/flows/probe").json().get("status").asText())
          .as("its plugin is gone, so the flow cannot load").isEqualTo("INVALID");
      assertThat(http.post("/api/v1/flows/busy/stop").status()).isEqualTo(200);
    } finally {
      restarted.stop();
    }
  }

  private static Http.Answer upload(Http http, String method, String path, Path zip) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(http.base() + path)).header("Content-Type", "application/zip")
        .method(method, HttpRequest.BodyPublishers.ofFile(zip)));
  }

  private static long awaitRows(Http http, String flow, long atLeast) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode p = http.get("/api/v1/flows/" + flow).json().get("progress");
      if (p != null && p.isObject() && p.get("rowsIn").asLong() >= atLeast) {
        return p.get("rowsIn").asLong();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(flow + " did not reach " + atLeast + " rows");
  }
}
