package io.cairn.platform.profilestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.testkit.ConnectorsApp;
import io.cairn.platform.testkit.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * A flow writes profiles through the bundled {@code redis} connector into the machine's Redis; the lookup
 * serves their segments to a viewer.
 */
class ProfileSegmentsAppTest {
  private static final String PREFIX = ConnectorsApp.REDIS_PREFIX;

  @BeforeAll
  static void viewer() throws Exception {
    assertThat(ConnectorsApp.admin().postJson("/api/v1/users", Map.of("username", "profile-viewer",
        "password", "viewer-password", "roles", List.of("viewer"))).status()).isEqualTo(201);
  }

  @AfterAll
  static void dropKeys() {
    try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
      List<String> keys = redis.scan("0", new ScanParams().match(PREFIX + "*").count(10_000)).getResult();
      if (!keys.isEmpty()) {
        redis.del(keys.toArray(String[]::new));
      }
    }
  }

  @Test
  void aFlowKeepsTheProfileViewAndTheLookupServesItsSegments() throws Exception {
    Path csv = Files.writeString(ConnectorsApp.home().resolve("profiles.csv"),
        "id,email,segments\n1,a@x.org,\"vip,newsletter\"\n2,b@x.org,newsletter\n3,c@x.org,\n");
    String flow = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", columns: "id:LONG,email,segments", subjectColumn: email}
              steps:
                - to:
                    uri: "cairn:sink:redis"
                    parameters: {keyPrefix: "%s", keyColumns: id, segmentsColumn: segments}
        """.formatted(csv, PREFIX);
    Http admin = ConnectorsApp.admin();
    assertThat(admin.postJson("/api/v1/flows", Map.of("id", "profiles", "definition", flow)).status())
        .isEqualTo(201);
    String runId = admin.post("/api/v1/flows/profiles/run").json().get("id").asText();
    JsonNode run = admin.awaitRun("profiles", runId, Duration.ofSeconds(60));
    assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

    Http viewer = ConnectorsApp.as("profile-viewer", "viewer-password");
    Http.Answer one = viewer.get("/api/v1/profiles/1/segments");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("profileId").asText()).isEqualTo("1");
    assertThat(one.json().get("segments").toString()).isEqualTo("[\"newsletter\",\"vip\"]");
    assertThat(viewer.get("/api/v1/profiles/2/segments").json().get("segments").toString())
        .isEqualTo("[\"newsletter\"]");
    assertThat(viewer.get("/api/v1/profiles/3/segments").json().get("segments").size()).isZero();
    assertThat(viewer.get("/api/v1/profiles/nobody/segments").json().get("segments").size()).isZero();
    assertThat(ConnectorsApp.as("profile-viewer", "wrong").get("/api/v1/profiles/1/segments").status())
        .isEqualTo(401);
  }

  @Test
  void theHealthCheckReportsRedis() throws Exception {
    Http.Answer health = new Http(ConnectorsApp.adminUrl(), "none").get("/healthcheck");
    assertThat(health.json().get("redis").get("healthy").asBoolean()).isTrue();
  }
}
