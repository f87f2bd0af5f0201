package io.cairn.platform.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiles, segments and models APIs of the whole application. */
class ProfilesApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path home;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home, "");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static HttpResponse<String> post(String path, Object body, String auth) throws Exception {
    return server.send(server.request(path, auth).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  @Test
  void recordsResolveIntoProfilesWithGoldenValuesAndReasons() throws Exception {
    HttpResponse<String> r = post("/api/v1/profiles/resolve", Map.of("records", List.of(
        Map.of("id", "crm-1", "source", "crm", "seenAt", "2025-01-01T00:00:00Z",
            "identifiers", Map.of("email", "Jane.Doe@example.com"), "attributes", Map.of("city", "Berlin")),
        Map.of("id", "web-7", "source", "web", "seenAt", "2025-03-01T00:00:00Z",
            "identifiers", Map.of("email", " jane.doe@EXAMPLE.com", "phone", "+1 415 555 2671"),
            "attributes", Map.of("city", "Hamburg")),
        Map.of("id", "web-8", "identifiers", Map.of("phone", "(212) 555-0100")))), TestServer.admin());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode profiles = JSON.readTree(r.body()).path("profiles");
    assertThat(profiles).hasSize(2);
    JsonNode jane = profiles.get(0);
    assertThat(jane.path("profileId").asText()).matches("P-[0-9a-f]{16}");
    assertThat(jane.path("records").toString()).isEqualTo("[\"crm-1\",\"web-7\"]");
    assertThat(jane.path("golden").path("city").asText()).isEqualTo("Hamburg");
    assertThat(jane.path("why").get(0).asText()).isEqualTo("web-7 -> crm-1 by email (email=jane.doe@example.com)");

    HttpResponse<String> bad = post("/api/v1/profiles/resolve", Map.of("rules", List.of("email++phone"),
        "records", List.of()), TestServer.admin());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("has an empty part");
    assertThat(post("/api/v1/profiles/resolve", Map.of("records", List.of()), TestServer.viewer()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void segmentsReportMembersSizesAndChanges() throws Exception {
    HttpResponse<String> r = post("/api/v1/segments/evaluate", Map.of(
        "rules", Map.of("vip", "monetary >= 1000"),
        "profiles", Map.of("p1", Map.of("monetary", 1500), "p2", Map.of("monetary", 20)),
        "previous", Map.of("vip", List.of("p2"))), TestServer.admin());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("members").path("vip").toString()).isEqualTo("[\"p1\"]");
    assertThat(body.path("sizes").path("vip").asInt()).isEqualTo(1);
    assertThat(body.path("changes").toString()).contains("{\"segment\":\"vip\",\"profileId\":\"p1\",\"entered\":true}")
        .contains("{\"segment\":\"vip\",\"profileId\":\"p2\",\"entered\":false}");
    assertThat(post("/api/v1/segments/evaluate", Map.of("rules", Map.of("x", "a >"), "profiles", Map.of()),
        TestServer.admin()).body()).contains("segment 'x': expression 'a >' does not parse");
  }

  @Test
  void propensityModelsAreTrainedRegisteredPromotedAndRolledBack() throws Exception {
    Random rnd = new Random(1);
    List<double[]> rows = new ArrayList<>();
    List<Boolean> outcomes = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      double recency = 365 * rnd.nextDouble();
      rows.add(new double[] {recency, rnd.nextGaussian()});
      outcomes.add(rnd.nextDouble() < 1 / (1 + Math.exp(0.02 * (recency - 180))));
    }
    Map<String, Object> training = Map.of("features", List.of("recency_days", "noise"), "rows", rows,
        "outcomes", outcomes, "trainingDataset", "file/orders.csv");
    HttpResponse<String> v1 = post("/api/v1/models/purchase/propensity", training, TestServer.admin());
    assertThat(v1.statusCode()).as(v1.body()).isEqualTo(201);
    JsonNode entry = JSON.readTree(v1.body());
    assertThat(entry.path("version").asInt()).isEqualTo(1);
    assertThat(entry.path("stage").asText()).isEqualTo("CANDIDATE");
    assertThat(entry.path("metrics").path("auc").asDouble()).isGreaterThan(0.8);
    assertThat(entry.path("trainingDataset").asText()).isEqualTo("file/orders.csv");
    assertThat(post("/api/v1/models/purchase/propensity", training, TestServer.admin()).statusCode()).isEqualTo(201);

    assertThat(post("/api/v1/models/purchase/versions/1/promote", Map.of(), TestServer.admin()).statusCode())
        .isEqualTo(200);
    assertThat(post("/api/v1/models/purchase/versions/2/promote", Map.of(), TestServer.admin()).statusCode())
        .isEqualTo(200);
    HttpResponse<String> back = post("/api/v1/models/purchase/rollback", Map.of(), TestServer.admin());
    assertThat(JSON.readTree(back.body()).path("version").asInt()).isEqualTo(1);
    JsonNode versions = JSON.readTree(server.send(server.request("/api/v1/models/purchase", TestServer.viewer()).GET())
        .body());
    assertThat(versions.findValuesAsText("stage")).containsExactly("PRODUCTION", "CANDIDATE");

    assertThat(post("/api/v1/models/purchase/versions/9/promote", Map.of(), TestServer.admin()).statusCode())
        .isEqualTo(400);
    assertThat(server.send(server.request("/api/v1/models/none", TestServer.viewer()).GET()).statusCode())
        .isEqualTo(404);
    assertThat(post("/api/v1/models/purchase/propensity", training, TestServer.viewer()).statusCode()).isEqualTo(403);
  }
}
