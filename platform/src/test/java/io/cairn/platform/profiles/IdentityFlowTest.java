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

/**
 * The bundled step-profiles plugin in a flow: customers with planted duplicates (a CSV file read by the file
 * connector) through cairn:step:identity into a CSV file.
 */
class IdentityFlowTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path home;
  @TempDir static Path out;
  @TempDir static Path in;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home, Path.of("target", "bundled-plugins").toAbsolutePath().toString(),
        TestServer.profilingOnLegitimateInterest());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aFlowResolvesPlantedDuplicatesIntoProfiles() throws Exception {
    Path customers = in.resolve("customers.csv");
    Files.write(customers, customers());
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters:
                path: "%s"
                format: csv
                columns: "customer_id,first_name,last_name,email,phone,street,city,postcode,birth_date,crm_id"
                subjectColumn: customer_id
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
        """.formatted(customers, out);
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
    assertThat(lines).hasSize(PEOPLE + PEOPLE / 2 + 1);
    assertThat(profiles).hasSize(PEOPLE).allMatch(p -> p.matches("P-[0-9a-f]{16}"));
    int reason = header.indexOf("match_reason");
    assertThat(lines.get(PEOPLE + 1)).contains("c" + PEOPLE + " -> c0 by email (email=person0@example.com)");
    assertThat(reason).isEqualTo(header.size() - 1);
  }

  private static final int PEOPLE = 200;

  /** PEOPLE people, then a duplicate of every other one: email re-cased, phone re-formatted, or only the name. */
  private static List<String> customers() {
    List<String> lines = new java.util.ArrayList<>(List.of(
        "customer_id,first_name,last_name,email,phone,street,city,postcode,birth_date,crm_id"));
    String[] first = {"Anna", "Boris", "Chloe", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"};
    String[] last = {"Meyer", "Okafor", "Lindqvist", "Tanaka", "Rossi", "Novak", "Dubois", "Kowalski"};
    for (int i = 0; i < PEOPLE; i++) {
      lines.add(String.join(",", "c" + i, first[i % 10], last[i % 8], "person" + i + "@example.com",
          "(415) 555-" + (1000 + i), (i + 1) + " Main Street", "Springfield", Integer.toString(10000 + i),
          "1980-01-" + (10 + i % 18), "CRM-" + i));
    }
    for (int i = 0; i < PEOPLE; i += 2) {
      boolean nameOnly = i % 10 == 8;
      lines.add(String.join(",", "c" + (PEOPLE + i / 2), last[i % 8], first[i % 10],
          nameOnly ? "other" + i + "@example.net" : "Person" + i + "@EXAMPLE.com",
          nameOnly ? "" : "+1 415 555 " + (1000 + i), (i + 1) + " Main St.", "Springfield",
          Integer.toString(10000 + i), "1980-01-" + (10 + i % 18), ""));
    }
    return lines;
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
