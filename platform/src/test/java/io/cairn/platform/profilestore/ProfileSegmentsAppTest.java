package io.cairn.platform.profilestore;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.Http;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * A flow writes profiles through the bundled {@code redis} connector into the machine's Redis; the lookup
 * serves their segments to a viewer.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProfileSegmentsAppTest {
  private static final String PREFIX = "cairn-app-test-" + UUID.randomUUID() + ":";
  private static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()),
      ConfigOverride.config("redis.url", "redis://127.0.0.1:6379/0"),
      ConfigOverride.config("redis.keyPrefix", PREFIX));
  private static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  private static final String VIEWER = basic("viewer", "viewer-password");

  @BeforeAll
  static void viewer() {
    assertThat(post(APP, "/api/v1/users", ADMIN, Map.of("username", "viewer", "password", "viewer-password",
        "roles", List.of("viewer"))).status()).isEqualTo(201);
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
    Path csv = Files.writeString(HOME.resolve("profiles.csv"),
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
    Http http = new Http("http://localhost:" + APP.getLocalPort(), ADMIN);
    assertThat(http.postJson("/api/v1/flows", Map.of("id", "profiles", "definition", flow)).status())
        .isEqualTo(201);
    String runId = http.post("/api/v1/flows/profiles/run").json().get("id").asText();
    JsonNode run = http.awaitRun("profiles", runId, Duration.ofSeconds(60));
    assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

    TestApp.Reply one = get(APP, "/api/v1/profiles/1/segments", VIEWER);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("profileId").asText()).isEqualTo("1");
    assertThat(one.json().get("segments").toString()).isEqualTo("[\"newsletter\",\"vip\"]");
    assertThat(get(APP, "/api/v1/profiles/2/segments", VIEWER).json().get("segments").toString())
        .isEqualTo("[\"newsletter\"]");
    assertThat(get(APP, "/api/v1/profiles/3/segments", VIEWER).json().get("segments").size()).isZero();
    assertThat(get(APP, "/api/v1/profiles/nobody/segments", VIEWER).json().get("segments").size()).isZero();
    assertThat(get(APP, "/api/v1/profiles/1/segments", null).status()).isEqualTo(401);
  }

  @Test
  void theHealthCheckReportsRedis() {
    try (var r = APP.client().target("http://localhost:" + APP.getAdminPort() + "/healthcheck").request().get()) {
      assertThat(r.readEntity(String.class)).contains("\"redis\":{\"healthy\":true");
    }
  }
}
