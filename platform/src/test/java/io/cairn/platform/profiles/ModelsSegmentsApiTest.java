package io.cairn.platform.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.Role;
import io.cairn.governance.masking.Digests;
import io.cairn.platform.testing.CsvRows;
import io.cairn.platform.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models and segments on the whole server: propensity and K-means trained over REST with ROC, lift and
 * cluster summaries; a flow resolving identities, scoring and clustering rows with the registered versions
 * (lineage training dataset -> model -> scores); segments kept with sizes over time; a CSV activation export of
 * hashed identifiers; A/B evaluation; the marketing role.
 */
class ModelsSegmentsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary");

  @TempDir static Path home;
  @TempDir static Path dir;
  private static TestServer server;
  private static String marketing;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home, TestServer.bundledPlugins(), TestServer.profilingOnLegitimateInterest());
    server.app().services().userService().ensure("mia", "mia-password", EnumSet.of(Role.MARKETING));
    marketing = TestServer.basic("mia", "mia-password");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** Purchase odds fall with recency and rise with frequency and money; three groups far apart. */
  private static double[] customer(Random r, int group) {
    double[][] centres = {{10, 12, 2000}, {200, 2, 150}, {400, 1, 40}};
    double[] c = centres[group];
    return new double[] {Math.max(0, c[0] + 5 * r.nextGaussian()), Math.max(1, c[1] + 0.5 * r.nextGaussian()),
        Math.max(5, c[2] + 20 * r.nextGaussian())};
  }

  private static boolean buys(Random r, double[] x) {
    double logit = -0.012 * (x[0] - 180) + 0.5 * (x[1] - 3) + 0.003 * (x[2] - 200);
    return r.nextDouble() < 1 / (1 + Math.exp(-logit));
  }

  @Test
  void modelsTrainScoreInAFlowAndSegmentsExport() throws Exception {
    Random r = new Random(7);
    List<double[]> rows = new ArrayList<>();
    List<Boolean> outcomes = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      double[] x = customer(r, i % 3);
      rows.add(x);
      outcomes.add(buys(r, x));
    }
    HttpResponse<String> trained = post("/api/v1/models/purchase/propensity", Map.of("features", FEATURES, "rows",
        rows, "outcomes", outcomes, "trainingDataset", "postgres://warehouse:5432/shop.public.customers"),
        TestServer.admin());
    assertThat(trained.statusCode()).as(trained.body()).isEqualTo(201);
    assertThat(post("/api/v1/models/purchase/propensity", Map.of("features", FEATURES, "rows", rows, "outcomes",
        outcomes), marketing).statusCode()).isEqualTo(403);
    HttpResponse<String> groups = post("/api/v1/models/groups/kmeans", Map.of("features", FEATURES, "rows", rows,
        "maxK", 5, "trainingDataset", "postgres://warehouse:5432/shop.public.customers"), TestServer.admin());
    assertThat(groups.statusCode()).as(groups.body()).isEqualTo(201);

    JsonNode purchase = get("/api/v1/models/purchase", marketing).get(0);
    assertThat(purchase.path("metrics").path("auc").asDouble()).isGreaterThan(0.8);
    assertThat(purchase.path("roc").size()).isGreaterThan(2);
    assertThat(purchase.path("lift")).hasSize(10);
    assertThat(purchase.path("lift").get(0).path("lift").asDouble()).isGreaterThan(1.2);
    JsonNode clusters = get("/api/v1/segments/clusters/groups", marketing);
    assertThat(clusters.path("k").asInt()).isEqualTo(3);
    assertThat(clusters.path("clusters")).hasSize(3).allSatisfy(c -> assertThat(c.path("size").asInt()).isEqualTo(500));
    assertThat(clusters.path("silhouette").asDouble()).isGreaterThan(0.5);
    assertThat(send("GET", "/api/v1/segments/clusters/purchase", marketing).statusCode()).isEqualTo(400);

    Map<String, String> out = runFlow();
    assertThat(out).hasSize(6);
    server.app().services().lineage().flush();
    JsonNode lineage = get("/api/v1/lineage?nodeId=dataset:model://purchase:1&depth=3", TestServer.admin());
    assertThat(lineage.toString()).contains("shop.public.customers").contains("model-training.purchase")
        .contains("job:cairn:scoring");

    Map<String, Map<String, Object>> traits = new LinkedHashMap<>();
    out.forEach((profile, score) -> traits.put(profile, Map.of("score", Double.parseDouble(score))));
    HttpResponse<String> defined = send("PUT", "/api/v1/segments/likely", marketing,
        Map.of("rule", "score >= 0.5", "graph", "shop"));
    assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
    JsonNode evaluated = JSON.readTree(post("/api/v1/segments/likely/evaluate", Map.of("profiles", traits),
        marketing).body());
    int size = evaluated.path("sizes").path("likely").asInt();
    assertThat(size).isEqualTo((int) out.values().stream().filter(s -> Double.parseDouble(s) >= 0.5).count())
        .isPositive();
    assertThat(get("/api/v1/segments", marketing).get(0).path("size").asInt()).isEqualTo(size);
    assertThat(get("/api/v1/segments/likely/sizes", marketing)).hasSize(1);

    // e-mail marketing is consent-based: without a grant every member is suppressed
    JsonNode withoutConsent = JSON.readTree(post("/api/v1/segments/likely/exports", Map.of("format", "csv",
        "purpose", "email_marketing"), marketing).body());
    assertThat(withoutConsent.path("rows").asInt()).isZero();
    assertThat(withoutConsent.path("suppressed").asInt()).isEqualTo(size);
    for (String email : List.of("VIP0@example.com", "vip1@example.com", "mid2@example.com", "mid3@example.com",
        "old4@example.com", "old5@example.com")) {
      HttpResponse<String> granted = post("/api/v1/consent", Map.of("identifiers", List.of(Map.of("type", "email",
          "value", email)), "purpose", "email_marketing", "status", "granted", "lawfulBasis", "consent",
          "source", "form", "noticeVersion", "v1"), TestServer.admin());
      assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    }
    HttpResponse<String> exported = post("/api/v1/segments/likely/exports", Map.of("format", "csv", "purpose",
        "email_marketing"), marketing);
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(202);
    JsonNode export = JSON.readTree(exported.body());
    assertThat(export.path("rows").asInt()).isEqualTo(size);
    assertThat(export.path("suppressed").asInt()).isZero();
    Path file = Path.of(URI.create(export.path("manifest").asText().split(" ")[0]));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.getFirst()).isEqualTo("email_sha256,phone_sha256");
    assertThat(lines).contains(Digests.sha256Hex("vip0@example.com") + "," + Digests.sha256Hex("+14155550100"));
    assertThat(String.join("\n", lines)).doesNotContain("@");
    assertThat(get("/api/v1/segments/likely/exports", marketing)).hasSize(2);
    assertThat(post("/api/v1/segments/likely/exports", Map.of("format", "fax", "purpose", "advertising"), marketing)
        .statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/segments/likely/exports", Map.of("format", "webhook", "purpose", "advertising",
        "url", "ftp://x"), marketing).statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/segments/nope/exports", Map.of("format", "csv", "purpose", "advertising"), marketing)
        .statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/segments", TestServer.viewer()).statusCode()).isEqualTo(403);
    server.app().services().lineage().flush();
    assertThat(get("/api/v1/lineage?nodeId=dataset:segment://shop:likely&depth=1", TestServer.admin()).toString())
        .contains("activation-export.likely");
  }

  @Test
  void abTestsCompareConversionWithAConfidenceInterval() throws Exception {
    HttpResponse<String> r = post("/api/v1/models/ab-tests", Map.of("controlConversions", 200, "controlVisitors",
        1000, "variantConversions", 250, "variantVisitors", 1000), marketing);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode t = JSON.readTree(r.body());
    assertThat(t.path("pValue").asDouble()).isCloseTo(0.0074196, within(1e-6));
    assertThat(t.path("lift").asDouble()).isCloseTo(0.25, within(1e-9));
    assertThat(t.path("liftLow").asDouble()).isCloseTo(0.0673181, within(1e-6));
    assertThat(t.path("significant").asBoolean()).isTrue();
    HttpResponse<String> bad = post("/api/v1/models/ab-tests", Map.of("controlConversions", 20, "controlVisitors",
        10, "variantConversions", 1, "variantVisitors", 10), marketing);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("conversions <= visitors");
    assertThat(post("/api/v1/models/ab-tests", Map.of(), marketing).statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/models/ab-tests", Map.of(), TestServer.viewer()).statusCode()).isEqualTo(403);
  }

  @Test
  void recommendationsAreRegisteredWithPrecisionBesideAPopularityBaseline() throws Exception {
    Random r = new Random(5);
    Map<String, List<String>> items = new LinkedHashMap<>();
    for (int p = 0; p < 300; p++) {
      List<String> mine = new ArrayList<>();
      while (mine.size() < 8) {
        String item = "t" + (p % 5) + "-" + r.nextInt(12);
        if (!mine.contains(item)) {
          mine.add(item);
        }
      }
      mine.add("bestseller-" + r.nextInt(3));
      items.put("P-" + p, mine);
    }
    HttpResponse<String> created = post("/api/v1/models/basket/recommendations", Map.of("items", items, "k", 5,
        "n", 3), TestServer.admin());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    JsonNode metrics = body.path("model").path("metrics");
    assertThat(metrics.path("precision_at_k").asDouble())
        .isGreaterThan(metrics.path("popularity_precision_at_k").asDouble());
    assertThat(body.path("recommendations").path("P-0")).hasSize(3)
        .allSatisfy(i -> assertThat(i.asText()).matches("t0-.*|bestseller-.*"));
    assertThat(get("/api/v1/models/basket", marketing).get(0).path("kind").asText()).isEqualTo("recommender");
    List<double[]> rows = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      double frequency = 1 + 10 * r.nextDouble();
      double monetary = 20 + 200 * r.nextDouble();
      rows.add(new double[] {frequency, monetary});
      values.add(50 + 30 * frequency + 2 * monetary + 10 * r.nextGaussian());
    }
    HttpResponse<String> clv = post("/api/v1/models/clv/clv", Map.of("features", List.of("frequency", "monetary"),
        "rows", rows, "values", values), TestServer.admin());
    assertThat(clv.statusCode()).as(clv.body()).isEqualTo(201);
    assertThat(JSON.readTree(clv.body()).path("metrics").path("rmse").asDouble()).isLessThan(20);
    assertThat(post("/api/v1/models/clv/clv", Map.of("features", List.of("frequency", "monetary"), "rows", rows,
        "values", values.subList(0, 5)), TestServer.admin()).statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/models/basket/recommendations", Map.of("items", Map.of()), TestServer.admin())
        .statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/models/basket/recommendations", Map.of("items", items, "holdOut", 2),
        TestServer.admin()).statusCode()).isEqualTo(400);
  }

  /** Six customers (two rows for one of them) through identity-graph, score and cluster; profile -> score. */
  private static Map<String, String> runFlow() throws Exception {
    List<String> lines = new ArrayList<>(List.of("customer_id,email,phone,recency_days,frequency,monetary"));
    lines.add("c0,VIP0@example.com,(415) 555-0100,5,14,2100");
    lines.add("c1,vip1@example.com,,12,11,1900");
    lines.add("c2,mid2@example.com,,190,2,160");
    lines.add("c3,mid3@example.com,,210,2,140");
    lines.add("c4,old4@example.com,,390,1,45");
    lines.add("c5,old5@example.com,,410,1,35");
    lines.add("c6,vip0@example.com,,6,13,2050");
    Path in = dir.resolve("customers.csv");
    Files.write(in, lines);
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters:
                path: "%s"
                format: csv
                columns: "customer_id,email,phone,recency_days:double,frequency:double,monetary:double"
              steps:
                - to:
                    uri: "cairn:step:identity-graph"
                    parameters:
                      graph: shop
                      identifier.email: email
                      identifier.phone: phone
                      recordIdColumn: customer_id
                - to:
                    uri: "cairn:step:score"
                    parameters:
                      model: purchase
                - to:
                    uri: "cairn:step:cluster"
                    parameters:
                      model: groups
                - to:
                    uri: "cairn:sink:file"
                    parameters:
                      path: "%s"
                      format: csv
                      fileName: scored.csv
        """.formatted(in, dir);
    JsonNode run = server.deployAndRun("scoring", route);
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    List<Map<String, String>> out = CsvRows.read(dir.resolve("scored.csv"));
    assertThat(out.getFirst().keySet()).endsWith("profile_id", "match_reason", "score", "cluster");
    Map<String, String> scores = new HashMap<>();
    Map<String, String> clusterOf = new HashMap<>();
    for (Map<String, String> row : out) {
      scores.put(row.get("profile_id"), row.get("score"));
      clusterOf.put(row.get("customer_id"), row.get("cluster"));
    }
    assertThat(scores.values()).allSatisfy(s -> assertThat(Double.parseDouble(s)).isBetween(0.0, 1.0));
    assertThat(clusterOf.get("c0")).isEqualTo(clusterOf.get("c1")).isEqualTo(clusterOf.get("c6"))
        .isNotEqualTo(clusterOf.get("c2"));
    assertThat(clusterOf.get("c2")).isEqualTo(clusterOf.get("c3")).isNotEqualTo(clusterOf.get("c4"));
    assertThat(clusterOf.get("c4")).isEqualTo(clusterOf.get("c5"));
    return scores;
  }

  private static HttpResponse<String> post(String path, Object body, String auth) throws Exception {
    return send("POST", path, auth, body);
  }

  private static HttpResponse<String> send(String method, String path, String auth) throws Exception {
    return server.send(server.request(path, auth).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private static HttpResponse<String> send(String method, String path, String auth, Object body) throws Exception {
    return server.send(server.request(path, auth).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private static JsonNode get(String path, String auth) throws Exception {
    HttpResponse<String> r = send("GET", path, auth);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
