package io.cairn.platform.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.testing.CsvRows;
import io.cairn.platform.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * Every registered model kind scored in one flow on the whole server: a Tribuo propensity model and its ONNX
 * export (downloaded, then uploaded like any ONNX model) give the same scores; a foreign ONNX model (a Gemm and
 * a Sigmoid built here, not by Tribuo's exporter) gives its known outputs; a lifetime-value model gives values
 * from its production version after promote and roll back; an item-item recommender gives top-N items. ONNX
 * models that cannot score as declared are refused with a 400 and the reason; lineage runs training dataset ->
 * model -> flow.
 */
class ModelScoringFlowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary");
  private static final float[] GEMM_W = {0.5f, -1.5f};
  private static final float GEMM_B = 0.25f;

  @TempDir static Path home;
  @TempDir static Path dir;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home, TestServer.bundledPlugins(), TestServer.profilingOnLegitimateInterest());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** y = sigmoid(x W + b) for x [rows, 2]: a logistic model as scikit-learn or PyTorch would export it. */
  private static byte[] gemmSigmoid() {
    ONNXContext onnx = new ONNXContext();
    onnx.setName("foreign-logistic");
    ONNXPlaceholder x = onnx.floatInput("x", 2);
    ONNXPlaceholder y = onnx.floatOutput("probability", 1);
    x.apply(ONNXOperators.GEMM, List.of(onnx.floatTensor("w", List.of(2, 1), fb -> fb.put(GEMM_W)),
        onnx.floatTensor("b", List.of(1), fb -> fb.put(GEMM_B)))).apply(ONNXOperators.SIGMOID).assignTo(y);
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).addOpsetImport(ONNXOperators.getOpsetProto())
        .setProducerName("ModelScoringFlowTest").setGraph(onnx.buildGraph()).build().toByteArray();
  }

  @Test
  void everyModelKindScoresInAFlow() throws Exception {
    Random r = new Random(21);
    List<double[]> rows = new ArrayList<>();
    List<Boolean> outcomes = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      double[] x = {400 * r.nextDouble(), 1 + 12 * r.nextDouble(), 2000 * r.nextDouble()};
      rows.add(x);
      double logit = -0.012 * (x[0] - 180) + 0.5 * (x[1] - 6) + 0.002 * (x[2] - 1000);
      outcomes.add(r.nextDouble() < 1 / (1 + Math.exp(-logit)));
      values.add(50 + 30 * x[1] + 0.2 * x[2] + 10 * r.nextGaussian());
    }
    String training = "postgres://warehouse:5432/shop.public.orders";
    assertCreated(post("/api/v1/models/buy/propensity", Map.of("features", FEATURES, "rows", rows, "outcomes",
        outcomes, "trainingDataset", training)));

    HttpResponse<byte[]> exported = java.net.http.HttpClient.newHttpClient().send(server.request(
        "/api/v1/models/buy/versions/1/onnx", TestServer.admin()).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    JsonNode onnxEntry = assertCreated(post("/api/v1/models/buy_onnx/onnx", Map.of("model", exported.body(),
        "features", FEATURES, "input", "features", "output", "score", "trainingDataset", training)));
    assertThat(onnxEntry.path("kind").asText()).isEqualTo("onnx");
    assertCreated(post("/api/v1/models/foreign/onnx", Map.of("model", gemmSigmoid(), "features",
        List.of("frequency", "monetary"))));

    for (long seed : new long[] {1, 2}) {
      assertCreated(post("/api/v1/models/value/clv", Map.of("features", List.of("frequency", "monetary"), "rows",
          rows.stream().map(x -> new double[] {x[1], x[2]}).toList(), "values", values, "seed", seed,
          "trainingDataset", training)));
    }
    assertThat(post("/api/v1/models/value/versions/1/promote", Map.of()).statusCode()).isEqualTo(200);
    assertThat(post("/api/v1/models/value/versions/2/promote", Map.of()).statusCode()).isEqualTo(200);
    JsonNode rolledBack = JSON.readTree(post("/api/v1/models/value/rollback", Map.of()).body());
    assertThat(rolledBack.path("version").asInt()).isEqualTo(1);
    assertThat(rolledBack.path("stage").asText()).isEqualTo("PRODUCTION");
    JsonNode clvVersions = get("/api/v1/models/value");
    assertThat(clvVersions).hasSize(2).allSatisfy(v -> {
      assertThat(v.path("kind").asText()).isEqualTo("clv");
      assertThat(v.path("metrics").path("rmse").asDouble()).isLessThan(25);
      assertThat(v.path("trainingDataset").asText()).contains("shop.public.orders");
    });

    Map<String, List<String>> baskets = new LinkedHashMap<>();
    for (int p = 0; p < 200; p++) {
      List<String> mine = new ArrayList<>();
      while (mine.size() < 6) {
        String item = "t" + (p % 4) + "-" + r.nextInt(10);
        if (!mine.contains(item)) {
          mine.add(item);
        }
      }
      baskets.put("P-" + p, mine);
    }
    JsonNode basket = assertCreated(post("/api/v1/models/basket/recommendations", Map.of("items", baskets, "k", 3,
        "n", 3, "trainingDataset", training))).path("model");
    assertThat(basket.path("metrics").path("items").asInt()).isEqualTo(40);
    assertThat(JSON.readTree(post("/api/v1/models/basket/versions/1/promote", Map.of()).body()).path("stage")
        .asText()).isEqualTo("PRODUCTION");
    HttpResponse<String> noExport = server.send(server.request("/api/v1/models/basket/versions/1/onnx",
        TestServer.admin()).GET());
    assertThat(noExport.statusCode()).isEqualTo(400);
    assertThat(noExport.body()).contains("only propensity and clv models export to ONNX");

    List<String> lines = new ArrayList<>(List.of("customer_id,recency_days,frequency,monetary,items"));
    lines.add("c0,5,14,2100,t0-1|t0-2");
    lines.add("c1,390,1,45,t1-3");
    lines.add("c2,200,6,800,t2-0|t2-4|t2-7");
    lines.add("c3,30,0.5,3,");
    Map<String, Map<String, String>> out = runFlow(lines);
    assertThat(out).hasSize(4);
    for (Map<String, String> row : out.values()) {
      double tribuo = Double.parseDouble(row.get("p_tribuo"));
      assertThat(Double.parseDouble(row.get("p_onnx"))).as(row.toString()).isCloseTo(tribuo, within(1e-5));
      double f = Double.parseDouble(row.get("frequency"));
      double m = Double.parseDouble(row.get("monetary"));
      double want = 1 / (1 + Math.exp(-((double) GEMM_W[0] * f + (double) GEMM_W[1] * m + GEMM_B)));
      assertThat(Double.parseDouble(row.get("foreign"))).as(row.toString()).isCloseTo(want, within(1e-6));
      assertThat(Double.parseDouble(row.get("clv"))).as(row.toString()).isCloseTo(50 + 30 * f + 0.2 * m,
          within(40.0));
    }
    assertThat(Double.parseDouble(out.get("c0").get("p_tribuo"))).isGreaterThan(0.9);
    assertThat(Double.parseDouble(out.get("c1").get("p_tribuo"))).isLessThan(0.1);
    assertThat(out.get("c0").get("recs").split("\\|")).hasSize(3).allMatch(i -> i.startsWith("t0-"))
        .doesNotContain("t0-1", "t0-2");
    assertThat(out.get("c2").get("recs").split("\\|")).hasSize(3).allMatch(i -> i.startsWith("t2-"));
    assertThat(out.get("c3").get("recs")).as("no items, nothing to recommend").isEmpty();

    server.app().services().lineage().flush();
    assertThat(get("/api/v1/lineage?nodeId=dataset:model://value:1&depth=3").toString())
        .contains("shop.public.orders").contains("model-training.value").contains("job:cairn:all-models");
    assertThat(get("/api/v1/lineage?nodeId=dataset:model://value:2&depth=1").toString())
        .as("the rolled-back version is not used").doesNotContain("job:cairn:all-models");
    assertThat(get("/api/v1/lineage?nodeId=dataset:model://buy_onnx:1&depth=1").toString())
        .contains("job:cairn:all-models");
  }

  @Test
  void onnxModelsThatCannotScoreAreRefusedWithTheReason() throws Exception {
    HttpResponse<String> garbage = post("/api/v1/models/bad/onnx", Map.of("model", new byte[] {1, 2, 3, 4},
        "features", List.of("a")));
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body()).contains("not an ONNX model");
    HttpResponse<String> width = post("/api/v1/models/bad/onnx", Map.of("model", gemmSigmoid(), "features",
        List.of("a", "b", "c")));
    assertThat(width.statusCode()).isEqualTo(400);
    assertThat(width.body()).contains("takes 2 features per row, not the 3");
    HttpResponse<String> output = post("/api/v1/models/bad/onnx", Map.of("model", gemmSigmoid(), "features",
        List.of("a", "b"), "output", "logits"));
    assertThat(output.statusCode()).isEqualTo(400);
    assertThat(output.body()).contains("no output 'logits'");
    HttpResponse<String> names = post("/api/v1/models/bad/onnx", Map.of("model", gemmSigmoid(), "features",
        List.of("Frequency", "monetary")));
    assertThat(names.statusCode()).isEqualTo(400);
    assertThat(names.body()).contains("lower-case letters");
    assertThat(post("/api/v1/models/bad/onnx", Map.of("features", List.of("a"))).statusCode()).isEqualTo(400);
    assertThat(server.send(server.request("/api/v1/models/bad", TestServer.admin()).GET()).statusCode())
        .as("nothing was registered").isEqualTo(404);
    assertThat(server.send(server.request("/api/v1/models/bad/onnx", TestServer.viewer())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            Map.of("model", gemmSigmoid(), "features", List.of("a", "b"))))))
        .statusCode()).isEqualTo(403);
  }

  private static Map<String, Map<String, String>> runFlow(List<String> lines) throws Exception {
    Path in = dir.resolve("customers.csv");
    Files.write(in, lines);
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters:
                path: "%s"
                format: csv
                columns: "customer_id,recency_days:double,frequency:double,monetary:double,items"
              steps:
                - to: {uri: "cairn:step:score", parameters: {model: buy, column: p_tribuo}}
                - to: {uri: "cairn:step:score", parameters: {model: buy_onnx, column: p_onnx}}
                - to: {uri: "cairn:step:score", parameters: {model: foreign, column: foreign}}
                - to: {uri: "cairn:step:score", parameters: {model: value, column: clv}}
                - to: {uri: "cairn:step:recommend", parameters: {model: basket, n: 3, column: recs}}
                - to:
                    uri: "cairn:sink:file"
                    parameters:
                      path: "%s"
                      format: csv
                      fileName: all-models.csv
        """.formatted(in, dir);
    JsonNode wrongKind = server.deployAndRun("wrong-kind", route.replace("model: value, column: clv", "model: basket, column: clv"));
    assertThat(wrongKind.path("state").asText()).as(wrongKind.toString()).isEqualTo("FAILED");
    assertThat(wrongKind.toString()).contains("'basket' is a recommender model");
    JsonNode run = server.deployAndRun("all-models", route);
    assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    Map<String, Map<String, String>> byCustomer = new LinkedHashMap<>();
    for (Map<String, String> row : CsvRows.read(dir.resolve("all-models.csv"))) {
      byCustomer.put(row.get("customer_id"), row);
    }
    return byCustomer;
  }

  private static JsonNode assertCreated(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> post(String path, Object body) throws Exception {
    return server.send(server.request(path, TestServer.admin()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = server.send(server.request(path, TestServer.admin()).GET());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
