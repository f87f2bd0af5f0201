package io.cairn.platform.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.Role;
import io.cairn.platform.testing.CsvRows;
import io.cairn.platform.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's cairn:step:identity-graph: flows run one after another feed one graph kept in the catalog; a
 * restart keeps the profile ids; a steward's split and a compliance erasure are kept and audited, and an
 * erased identifier never links again.
 */
class IdentityGraphFlowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEADER = "customer_id,email,phone,first_name";

  @TempDir static Path home;
  @TempDir static Path dir;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home, TestServer.bundledPlugins());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void profilesGrowAcrossRunsAndRestartsAndStewardsSplitAndErase() throws Exception {
    Map<String, String> first = run("people", List.of("c1,ann@example.com,415-555-0101,Ann",
        "c2,bob@example.com,415-555-0102,Bob", "c3,cy@example.com,,Cy"));
    assertThat(first.values()).doesNotHaveDuplicates().allMatch(p -> p.matches("P-[0-9a-f]{16}"));

    Map<String, String> second = run("events", List.of("e1,ANN@example.com,,Ann", "e2,,(415) 555-0102,Bob",
        "e3,cy@example.com,415-555-0101,Cy"));
    assertThat(second.get("e1")).as("a later run joins an earlier run's profile").isEqualTo(first.get("c1"));
    assertThat(second.get("e2")).isEqualTo(first.get("c2"));
    assertThat(second.get("e3")).as("e3 links Ann's and Cy's profiles; the older id survives")
        .isEqualTo(first.get("c1"));

    server.stop();
    server = TestServer.start(home, TestServer.bundledPlugins());
    Map<String, String> third = run("late", List.of("l1,bob@example.com,,Bob"));
    assertThat(third.get("l1")).as("profile ids survive a restart").isEqualTo(first.get("c2"));

    String steward = user("stella", Role.STEWARD);
    String compliance = user("carl", Role.COMPLIANCE);
    String marketing = user("mia", Role.MARKETING);
    JsonNode ann = get("/api/v1/profiles/graphs/customers/profiles/" + first.get("c1"), marketing);
    assertThat(ann.path("records")).extracting(JsonNode::asText).containsExactly("c1", "c3", "e1", "e3");
    assertThat(ann.path("why").toString()).contains("e1 -> c1 by email (email=ann@example.com)");

    HttpResponse<String> split = send("POST", "/api/v1/profiles/graphs/customers/records/e3/split", steward);
    assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
    assertThat(send("POST", "/api/v1/profiles/graphs/customers/records/e3/split", marketing).statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/v1/profiles/graphs/customers/records/nope/split", steward).statusCode())
        .isEqualTo(404);
    JsonNode afterSplit = get("/api/v1/profiles/graphs/customers/profiles/" + first.get("c1"), marketing);
    assertThat(afterSplit.path("records")).extracting(JsonNode::asText).containsExactly("c1", "e1");

    HttpResponse<String> erased = send("DELETE", "/api/v1/profiles/graphs/customers/profiles/" + first.get("c2"),
        compliance);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(JSON.readTree(erased.body()).path("erased")).extracting(JsonNode::asText)
        .containsExactly("c2", "e2", "l1");
    assertThat(send("DELETE", "/api/v1/profiles/graphs/customers/profiles/" + first.get("c1"), steward)
        .statusCode()).isEqualTo(403);

    server.stop();
    server = TestServer.start(home, TestServer.bundledPlugins());
    Map<String, String> fourth = run("again", List.of("b9,Bob@Example.com,,Bob", "b10,bob@example.com,,Robert",
        "a9,ann@example.com,,Ann"));
    assertThat(fourth.get("b9")).as("an erased identifier never re-links").isNotEqualTo(fourth.get("b10"))
        .isNotEqualTo(first.get("c2"));
    assertThat(fourth.get("a9")).isEqualTo(first.get("c1"));
    assertThat(get("/api/v1/profiles/graphs/customers/profiles/" + first.get("c1"), marketing).path("records"))
        .extracting(JsonNode::asText).as("the split survives a restart").containsExactly("c1", "e1", "a9");
    String audit = send("GET", "/api/v1/audit?limit=100", TestServer.admin()).body();
    assertThat(audit).contains("profiles.split").contains("profiles.erase");
    assertThat(send("GET", "/api/v1/profiles/graphs/nope/profiles", marketing).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/profiles/graphs", null).statusCode()).isEqualTo(401);
  }

  private static String user(String name, Role role) {
    server.app().services().userService().ensure(name, name + "-password", EnumSet.of(role));
    return TestServer.basic(name, name + "-password");
  }

  /** Runs a new flow over these CSV lines into the graph "customers"; returns record id to profile id. */
  private static Map<String, String> run(String flow, List<String> lines) throws Exception {
    Path in = dir.resolve(flow + ".csv");
    List<String> all = new ArrayList<>(List.of(HEADER));
    all.addAll(lines);
    Files.write(in, all);
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters:
                path: "%s"
                format: csv
                columns: "%s"
              steps:
                - to:
                    uri: "cairn:step:identity-graph"
                    parameters:
                      graph: customers
                      identifier.email: email
                      identifier.phone: phone
                      recordIdColumn: customer_id
                - to:
                    uri: "cairn:sink:file"
                    parameters:
                      path: "%s"
                      format: csv
                      fileName: %s-out.csv
        """.formatted(in, HEADER, dir, flow);
    HttpResponse<String> deployed = server.send(server.request("/api/v1/flows", TestServer.admin())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("id", flow, "definition", route)))));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
    assertThat(send("POST", "/api/v1/flows/" + flow + "/run", TestServer.admin()).statusCode()).isEqualTo(202);
    JsonNode run = awaitRun(flow);
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    Map<String, String> profiles = new HashMap<>();
    for (Map<String, String> row : CsvRows.read(dir.resolve(flow + "-out.csv"))) {
      profiles.put(row.get("customer_id"), row.get("profile_id"));
    }
    assertThat(profiles).hasSize(lines.size());
    return profiles;
  }

  private static HttpResponse<String> send(String method, String path, String auth) throws Exception {
    return server.send(server.request(path, auth).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private static JsonNode get(String path, String auth) throws Exception {
    HttpResponse<String> r = send("GET", path, auth);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static JsonNode awaitRun(String flow) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode run = JSON.readTree(send("GET", "/api/v1/flows/" + flow, TestServer.admin()).body()).path("lastRun");
      if (!run.isMissingNode() && !run.isNull() && !run.path("state").asText().equals("RUNNING")) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run of " + flow + " did not end within 60 s");
  }
}
