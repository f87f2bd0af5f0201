package io.cairn.platform.lineage;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.governance.lineage.testing.OpenLineageFixtures;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.cairn.platform.testkit.TestApp.Reply;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.transports.HttpTransport;
import jakarta.ws.rs.client.Entity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lineage API of a real server: the official client posting, the spec's fixtures, refusals, queries. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LineageApiTest {
  static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("lineage.runningInterval", "200ms"),
      ConfigOverride.config("bundledPlugins", "target/bundled-plugins"));
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  private static final OpenLineage OL = new OpenLineage(URI.create("https://example.org/spark"));

  @Test
  void theOfficialClientPostsEventsThatJoinCairnsOwnGraph() throws Exception {
    // Cairn's own run: a plain Camel route writing files, so dataset-level lineage only
    Path out = Files.createDirectories(HOME.resolve("ticks"));
    String route = "- route:\n    from:\n      uri: timer:t?period=10&repeatCount=3\n      steps:\n"
        + "        - setBody:\n            constant: tick\n        - to: file:" + out + "?fileName=${exchangeId}\n";
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "ticker", "definition", route)).status())
        .isEqualTo(201);
    assertThat(post(APP, "/api/v1/flows/ticker/run", ADMIN, null).status()).isEqualTo(202);
    long deadline = System.currentTimeMillis() + 20_000;
    while (Files.list(out).count() < 3 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(post(APP, "/api/v1/flows/ticker/stop", ADMIN, null).status()).isEqualTo(200);

    // Spark reads what Cairn wrote, through the official client with a bearer token
    String token = post(APP, "/api/v1/users/me/tokens", ADMIN, Map.of("name", "spark")).json().get("token").asText();
    try (HttpTransport spark = transport(token)) {
      spark.emit(OL.newRunEventBuilder().eventType(OpenLineage.RunEvent.EventType.COMPLETE)
          .eventTime(ZonedDateTime.now()).run(OL.newRun(UUID.randomUUID(), null))
          .job(OL.newJob("spark://cluster", "weekly-report", null))
          .inputs(List.of(OL.newInputDataset("file", out.toString(), null, null)))
          .outputs(List.of(OL.newOutputDatasetBuilder().namespace("s3://reports").name("weekly")
              .facets(OL.newDatasetFacetsBuilder().schema(OL.newSchemaDatasetFacet(List.of(
                  OL.newSchemaDatasetFacetFieldsBuilder().name("ticks").type("BIGINT").build()))).build())
              .build()))
          .build());
      spark.emit(OL.newDatasetEventBuilder().eventTime(ZonedDateTime.now())
          .dataset(OL.newStaticDatasetBuilder().namespace("s3://reports").name("weekly").build()).build());
      spark.emit(OL.newJobEventBuilder().eventTime(ZonedDateTime.now())
          .job(OL.newJob("spark://cluster", "archive", null))
          .inputs(List.of(OL.newInputDataset("s3://reports", "weekly", null, null))).outputs(List.of()).build());
    }
    try (HttpTransport stranger = transport("cairn_not-a-token")) {
      assertThatThrownBy(() -> stranger.emit(OL.newDatasetEventBuilder().eventTime(ZonedDateTime.now())
          .dataset(OL.newStaticDatasetBuilder().namespace("x").name("y").build()).build()))
          .hasMessageContaining("401");
    }

    List<String> expected = List.of("job:cairn:ticker", "dataset:file:" + out, "job:spark://cluster:weekly-report",
        "dataset:s3://reports:weekly", "job:spark://cluster:archive");
    JsonNode graph = awaitGraph("job:cairn:ticker", expected.size());
    assertThat(ids(graph)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode weekly = node(graph, "dataset:s3://reports:weekly");
    assertThat(weekly.path("type").asText()).isEqualTo("DATASET");
    assertThat(weekly.path("inEdges").get(0).path("origin").asText()).isEqualTo("job:spark://cluster:weekly-report");
    assertThat(weekly.path("outEdges").get(0).path("destination").asText()).isEqualTo("job:spark://cluster:archive");
    assertThat(node(graph, "job:cairn:ticker").path("data").path("flowId").asText()).isEqualTo("ticker");
    Reply depth1 = get(APP, "/api/v1/lineage?depth=1&nodeId=" + enc("dataset:s3://reports:weekly"), ADMIN);
    assertThat(ids(depth1.json())).containsExactlyInAnyOrder("dataset:s3://reports:weekly",
        "job:spark://cluster:weekly-report", "job:spark://cluster:archive");
  }

  @Test
  void aFlowOverTheBundledFileConnectorHasColumnLineageFromItsDatasets() throws Exception {
    Path in = Files.createDirectories(HOME.resolve("csv-in"));
    Path out = Files.createDirectories(HOME.resolve("csv-out"));
    Files.writeString(in.resolve("customers.csv"), "id,email\n1,a@example.org\n2,b@example.org\n");
    String route = "- route:\n    from:\n      uri: \"cairn:source:file?path=" + in + "&format=csv&columns=id:LONG,email\"\n"
        + "      steps:\n        - to: \"cairn:sink:file?path=" + out + "&format=csv\"\n";
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "csv-copy", "definition", route)).status())
        .isEqualTo(201);
    assertThat(post(APP, "/api/v1/flows/csv-copy/run", ADMIN, null).status()).isEqualTo(202);
    JsonNode graph = awaitGraph("dataset:file:" + in, 3);
    assertThat(ids(graph)).containsExactlyInAnyOrder("dataset:file:" + in, "job:cairn:csv-copy",
        "dataset:file:" + out);
    JsonNode columns = awaitColumns("datasetField:file:" + in + ":email");
    assertThat(columns.get(0).path("target").path("name").asText()).isEqualTo(out.toString());
    assertThat(columns.get(0).path("target").path("field").asText()).isEqualTo("email");
    assertThat(columns.get(0).path("subtype").asText()).isEqualTo("IDENTITY");
    assertThat(columns.get(0).path("flowId").asText()).isEqualTo("csv-copy");
    Reply runs = get(APP, "/api/v1/lineage/runs?nodeId=" + enc("dataset:file:" + out), ADMIN);
    assertThat(runs.json()).singleElement().satisfies(r -> {
      assertThat(r.path("job").asText()).isEqualTo("cairn:csv-copy");
      assertThat(r.path("flowRunId").asText()).isEqualTo(r.path("runId").asText());
    });
    assertThat(get(APP, "/api/v1/lineage/runs?nodeId=" + enc("datasetField:file:" + out + ":email"), ADMIN)
        .status()).isEqualTo(400);
  }

  @Test
  void everySpecFixtureIsAcceptedAndItsColumnLineageQueried() {
    Map<String, ObjectNode> fixtures = OpenLineageFixtures.facetEvents();
    fixtures.forEach((name, event) -> assertThat(post(APP, "/api/v1/lineage", ADMIN, event).status()).as(name)
        .isEqualTo(201));
    String id = "datasetField:SnowflakeOpenLineage:CUSTOMERS:ID";
    Reply columns = get(APP, "/api/v1/lineage/columns?direction=DOWNSTREAM&depth=3&nodeId=" + enc(id), ADMIN);
    assertThat(columns.status()).isEqualTo(200);
    List<String> targets = new ArrayList<>();
    columns.json().forEach(e -> targets.add(e.path("target").path("field").asText()));
    assertThat(targets).contains("NAME", "AMOUNT_OFF", "STARTS_AT", "ENDS_AT");
    Reply impact = get(APP, "/api/v1/lineage/impact?nodeId=" + enc(id), ADMIN);
    assertThat(impact.json().path("datasets").toString()).contains("dataset:ns:fixture_out");
    assertThat(impact.json().path("jobs").toString()).contains("job:fixtures:ColumnLineageDatasetFacet");
    Reply up = get(APP, "/api/v1/lineage/columns?direction=UPSTREAM&nodeId="
        + enc("datasetField:ns:fixture_out:NAME"), ADMIN);
    assertThat(up.json().toString()).contains("CUSTOMERS").contains("DISCOUNTS");
  }

  @Test
  void invalidEventsAreRefusedWithTheReason() {
    ObjectNode noProducer = OpenLineageFixtures.runEvent("x", "y", "a", "b");
    noProducer.remove("producer");
    Reply r = post(APP, "/api/v1/lineage", ADMIN, noProducer);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("invalid OpenLineage event");
    assertThat(r.json().path("details").toString()).contains("producer");

    ObjectNode badFacet = OpenLineageFixtures.runEvent("x", "y", "a", "b");
    ((ObjectNode) badFacet.path("run").path("facets")).putObject("errorMessage").put("_producer", "https://x.org")
        .put("_schemaURL", "https://x.org/s.json").put("message", "no language");
    assertThat(post(APP, "/api/v1/lineage", ADMIN, badFacet).json().path("details").toString())
        .contains("$.run.facets.errorMessage").contains("programmingLanguage");
    assertThat(post(APP, "/api/v1/lineage", ADMIN, Entity.json("[1, 2]")).status()).isEqualTo(400);
    assertThat(post(APP, "/api/v1/lineage", ADMIN, Entity.json("{not json")).status()).isEqualTo(400);
  }

  @Test
  void anArrayOfEventsIsStoredInOneGoAllOrNone() {
    List<ObjectNode> events = List.of(OpenLineageFixtures.runEvent("batch", "j1", "batch-b0", "batch-b1"),
        OpenLineageFixtures.runEvent("batch", "j2", "batch-b1", "batch-b2"), OpenLineageFixtures.runEvent("batch", "j3", "batch-b2", "batch-b3"));
    Reply stored = post(APP, "/api/v1/lineage", ADMIN, events);
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.json().path("stored").asInt()).isEqualTo(3);
    JsonNode graph = get(APP, "/api/v1/lineage?direction=UPSTREAM&nodeId=" + enc("dataset:ns:batch-b3"), ADMIN).json();
    List<String> ids = new ArrayList<>();
    graph.path("graph").forEach(n -> ids.add(n.path("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder("dataset:ns:batch-b0", "dataset:ns:batch-b1", "dataset:ns:batch-b2",
        "dataset:ns:batch-b3", "job:batch:j1", "job:batch:j2", "job:batch:j3");

    // one invalid event refuses the whole array, with its index; the valid one is not stored
    ObjectNode bad = OpenLineageFixtures.runEvent("batch", "j5", "batch-c1", "batch-c2");
    bad.remove("producer");
    Reply refused = post(APP, "/api/v1/lineage", ADMIN,
        List.of(OpenLineageFixtures.runEvent("batch", "j4", "batch-c0", "batch-c1"), bad));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("details").toString()).contains("events[1]").contains("producer")
        .doesNotContain("events[0]");
    assertThat(get(APP, "/api/v1/lineage?nodeId=" + enc("dataset:ns:batch-c0"), ADMIN).status()).isEqualTo(404);
    assertThat(post(APP, "/api/v1/lineage", ADMIN, Entity.json("[]")).status()).isEqualTo(400);
  }

  @Test
  void writingNeedsAnEngineerAndReadingAnyRole() {
    assertThat(post(APP, "/api/v1/users", ADMIN, Map.of("username", "vera", "password", "vera-password-1",
        "roles", List.of("viewer"))).status()).isEqualTo(201);
    String viewer = basic("vera", "vera-password-1");
    ObjectNode event = OpenLineageFixtures.runEvent("x", "y", "a", "b");
    assertThat(post(APP, "/api/v1/lineage", viewer, event).status()).isEqualTo(403);
    assertThat(post(APP, "/api/v1/lineage", null, event).status()).isEqualTo(401);
    assertThat(get(APP, "/api/v1/lineage?nodeId=dataset:ns:a", null).status()).isEqualTo(401);
    assertThat(post(APP, "/api/v1/lineage", ADMIN, event).status()).isEqualTo(201);
    assertThat(get(APP, "/api/v1/lineage?nodeId=dataset:ns:a", viewer).status()).isEqualTo(200);
    assertThat(get(APP, "/api/v1/lineage?nodeId=dataset:ns:nosuch", viewer).status()).isEqualTo(404);
    assertThat(get(APP, "/api/v1/lineage?nodeId=table:ns:a", viewer).status()).isEqualTo(400);
    assertThat(get(APP, "/api/v1/lineage?depth=0&nodeId=dataset:ns:a", viewer).status()).isEqualTo(400);
    assertThat(get(APP, "/api/v1/lineage/impact?nodeId=dataset:ns:a", viewer).status()).isEqualTo(400);
  }

  /** The official client's HttpTransport, as Cairn's own {@code lineage.transport} configures it. */
  private static HttpTransport transport(String token) {
    return (HttpTransport) LineageTransportConfig.http("http://localhost:" + APP.getLocalPort(), token).create()
        .orElseThrow();
  }

  private static JsonNode awaitGraph(String nodeId, int nodes) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    JsonNode graph = null;
    while (System.currentTimeMillis() < deadline) {
      Reply r = get(APP, "/api/v1/lineage?nodeId=" + enc(nodeId), ADMIN);
      if (r.status() == 200) {
        graph = r.json();
        if (graph.path("graph").size() >= nodes) {
          return graph;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("graph of " + nodeId + " did not reach " + nodes + " nodes: " + graph);
  }

  private static JsonNode awaitColumns(String nodeId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      Reply r = get(APP, "/api/v1/lineage/columns?direction=DOWNSTREAM&nodeId=" + enc(nodeId), ADMIN);
      if (r.status() == 200 && r.json().size() > 0) {
        return r.json();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no column lineage from " + nodeId);
  }

  private static List<String> ids(JsonNode graph) {
    List<String> ids = new ArrayList<>();
    graph.path("graph").forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private static JsonNode node(JsonNode graph, String id) {
    for (JsonNode n : graph.path("graph")) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no node " + id + " in " + graph);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
