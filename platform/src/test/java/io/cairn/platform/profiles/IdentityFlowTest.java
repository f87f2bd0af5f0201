package io.cairn.platform.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled step-profiles plugin in a flow: datagen customers through cairn:step:identity into a CSV file. */
class IdentityFlowTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path home;
  @TempDir static Path out;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home, Path.of("target", "bundled-plugins").toAbsolutePath().toString());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aFlowResolvesPlantedDuplicatesIntoProfiles() throws Exception {
    String route = """
        - route:
            from:
              uri: "cairn:source:datagen"
              parameters:
                entity: customers
                count: 1000
                customers: 1000
                duplicateRate: 0.1
                dirtyRate: 0
              steps:
                - to:
                    uri: "cairn:step:identity"
                    parameters:
                      identifier.email: email
                      identifier.phone: phone
                      identifier.crm_id: crm_id
                      recordIdColumn: customer_id
                      fuzzy: true
                - to:
                    uri: "cairn:sink:file"
                    parameters:
                      path: "%s"
                      format: csv
                      fileName: profiles.csv
        """.formatted(out);
    HttpResponse<String> deployed = server.send(server.request("/api/v1/flows", TestServer.admin())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            Map.of("id", "identity", "definition", route)))));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
    assertThat(server.send(server.request("/api/v1/flows/identity/run", TestServer.admin())
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(202);

    JsonNode run = awaitRun();
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    List<String> lines = Files.readAllLines(out.resolve("profiles.csv"));
    List<String> header = Arrays.asList(lines.getFirst().split(","));
    assertThat(header).endsWith("profile_id", "match_reason");
    int profile = header.indexOf("profile_id");
    Set<String> profiles = lines.stream().skip(1).map(l -> l.split(",")[profile]).collect(Collectors.toSet());
    assertThat(lines).hasSize(1001);
    assertThat(profiles).allMatch(p -> p.matches("P-[0-9a-f]{16}"));
    assertThat(1000 - profiles.size()).isBetween(60, 130);
  }

  private static JsonNode awaitRun() throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode status = JSON.readTree(server.send(server.request("/api/v1/flows/identity", TestServer.admin()).GET())
          .body());
      JsonNode run = status.path("lastRun");
      if (!run.isMissingNode() && !run.isNull() && !run.path("state").asText().equals("RUNNING")) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not end within 60 s");
  }
}
