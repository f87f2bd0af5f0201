package io.cairn.platform.collector;

import static io.cairn.platform.testkit.TestApp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The collector on a real server: write keys managed by admins, the Segment endpoints authenticated by write keys
 * (not user accounts), every refusal with its status and message, CORS, the pixel and GA4 endpoints, Segment's
 * official Java and Node clients, and the events read back by a flow through {@code cairn:source:collector} into
 * PostgreSQL.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CollectorApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WAREHOUSE = LocalServices.createPostgresDatabase("cairn_collector");
  private static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()),
      ConfigOverride.config("collector.eventsPerSecondPerKey", "300"),
      ConfigOverride.config("collector.trustedProxies", "127.0.0.1/32,::1"));
  private static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final AtomicInteger FLOWS = new AtomicInteger();

  @BeforeAll
  static void users() {
    assertThat(TestApp.post(APP, "/api/v1/users", ADMIN, Map.of("username", "viewer", "password", "viewer-password",
        "roles", List.of("viewer"))).status()).isEqualTo(201);
  }

  @AfterAll
  static void dropWarehouse() {
    LocalServices.dropPostgresDatabase(WAREHOUSE);
  }

  private static String url(String path) {
    return "http://localhost:" + APP.getLocalPort() + path;
  }

  /** Creates a write key as the admin; returns the key. */
  private static String newKey(String name) {
    TestApp.Reply r = TestApp.post(APP, "/api/v1/collector/writekeys", ADMIN, Map.of("name", name));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("key").asText();
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String writeKey, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (writeKey != null) {
      b.header("Authorization", basic(writeKey, ""));
    }
    return send(b);
  }

  private static String message(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).get("message").asText();
  }

  @Test
  void writeKeysAreManagedByAdminsAndShownOnlyOnce() throws Exception {
    assertThat(TestApp.get(APP, "/api/v1/collector/writekeys", null).status()).isEqualTo(401);
    assertThat(TestApp.post(APP, "/api/v1/collector/writekeys", basic("viewer", "viewer-password"),
        Map.of("name", "mine")).status()).isEqualTo(403);
    TestApp.Reply created = TestApp.post(APP, "/api/v1/collector/writekeys", ADMIN, Map.of("name", "web-shop"));
    assertThat(created.status()).isEqualTo(201);
    String key = created.json().get("key").asText();
    assertThat(key).startsWith("wk_").hasSizeGreaterThan(30);
    TestApp.Reply list = TestApp.get(APP, "/api/v1/collector/writekeys", ADMIN);
    assertThat(list.body()).contains("web-shop").contains(key.substring(0, 9)).doesNotContain(key);
    assertThat(TestApp.post(APP, "/api/v1/collector/writekeys", ADMIN, Map.of("name", "web-shop")).status())
        .isEqualTo(409);
    TestApp.Reply noName = TestApp.post(APP, "/api/v1/collector/writekeys", ADMIN, Map.of("name", " "));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.body()).contains("needs a name");

    assertThat(post("/v1/track", key, "{\"userId\":\"u\",\"event\":\"e\"}").statusCode()).isEqualTo(200);
    long id = created.json().get("id").asLong();
    assertThat(TestApp.call(APP, "DELETE", "/api/v1/collector/writekeys/" + id, ADMIN, null).status()).isEqualTo(204);
    assertThat(TestApp.call(APP, "DELETE", "/api/v1/collector/writekeys/" + id, ADMIN, null).status()).isEqualTo(404);
    HttpResponse<String> revoked = post("/v1/track", key, "{\"userId\":\"u\",\"event\":\"e\"}");
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(message(revoked)).contains("unknown or revoked write key");
    String audit = TestApp.get(APP, "/api/v1/audit?limit=500", ADMIN).body();
    assertThat(audit).contains("collector.writekey.create").contains("collector.writekey.revoke").doesNotContain(key);
  }

  @Test
  void everySegmentEndpointTakesAWriteKeyInTheHeaderOrTheBody() throws Exception {
    String key = newKey("endpoints");
    Map<String, String> events = new LinkedHashMap<>();
    events.put("identify", "{\"userId\":\"e-1\",\"traits\":{\"email\":\"e1@x.test\"}}");
    events.put("track", "{\"userId\":\"e-1\",\"event\":\"Signed Up\"}");
    events.put("page", "{\"anonymousId\":\"a-1\",\"name\":\"Home\"}");
    events.put("screen", "{\"anonymousId\":\"a-1\",\"name\":\"Main\"}");
    events.put("group", "{\"userId\":\"e-1\",\"groupId\":\"g-1\"}");
    events.put("alias", "{\"userId\":\"e-1\",\"previousId\":\"a-1\"}");
    for (Map.Entry<String, String> e : events.entrySet()) {
      HttpResponse<String> r = post("/v1/" + e.getKey(), key, e.getValue());
      assertThat(r.statusCode()).as(e.getKey() + ": " + r.body()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"success\":true}");
      assertThat(post("/v1/" + e.getKey() + "/", key, e.getValue()).statusCode()).as("trailing slash").isEqualTo(200);
    }
    String batch = "{\"writeKey\":\"" + key + "\",\"batch\":[{\"type\":\"track\",\"userId\":\"e-2\",\"event\":\"A\"},"
        + "{\"type\":\"identify\",\"anonymousId\":\"a-2\"}]}";
    for (String path : List.of("/v1/batch", "/v1/batch/", "/v1/import", "/v1/import/")) {
      assertThat(post(path, null, batch).statusCode()).as(path).isEqualTo(200);
    }
    HttpResponse<String> userAccount = send(HttpRequest.newBuilder(URI.create(url("/v1/track")))
        .header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\",\"event\":\"e\"}")));
    assertThat(userAccount.statusCode()).as("a user's password is not a write key").isEqualTo(401);
    assertThat(userAccount.headers().firstValue("WWW-Authenticate")).isPresent();
    HttpResponse<String> none = post("/v1/track", null, "{\"userId\":\"u\",\"event\":\"e\"}");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(message(none)).contains("no write key");
    assertThat(post("/v1/track", "wk_not-a-key", "{\"userId\":\"u\",\"event\":\"e\"}").statusCode()).isEqualTo(401);
  }

  @Test
  void theClientAddressComesFromXForwardedForThroughATrustedProxyAndDeletedFlowsReleaseTheirCursor()
      throws Exception {
    String key = newKey("behind-a-proxy");
    // this test's requests come from 127.0.0.1, a trusted proxy here (the untrusted case: ClientAddressTest)
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/v1/track")))
        .header("Authorization", basic(key, "")).header("X-Forwarded-For", "198.51.100.1, 203.0.113.9")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"userId\": \"proxied\", \"event\": \"Via proxy\", \"messageId\": \"xff-1\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(post("/v1/track", key, "{\"userId\": \"direct\", \"event\": \"E\", \"messageId\": \"xff-2\"}")
        .statusCode()).isEqualTo(200);
    Map<String, Map<String, Object>> rows = collected();
    assertThat(rows.get("xff-1").get("ip")).as("the nearest address the proxy saw").isEqualTo("203.0.113.9");
    assertThat(rows.get("xff-2").get("ip")).as("no header: the peer").isEqualTo("127.0.0.1");

    String flow = "collected-" + FLOWS.get();
    Path cursor = HOME.resolve("collector").resolve("wal").resolve("cursors").resolve("flow~" + flow + ".pos");
    assertThat(cursor).as("the flow's reads are a cursor of the log").exists();
    assertThat(TestApp.call(APP, "DELETE", "/api/v1/flows/" + flow, ADMIN, null).status()).isEqualTo(204);
    assertThat(cursor).as("released with the flow, so it holds no segment").doesNotExist();
  }

  @Test
  void theCollectorReportsItsLogInTheHealthCheck() throws Exception {
    HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort()
        + "/healthcheck")).GET());
    JsonNode collector = JSON.readTree(health.body()).get("collector");
    assertThat(collector.get("healthy").asBoolean()).as(health.body()).isTrue();
    assertThat(collector.get("message").asText()).contains("of 1073741824 bytes in the write-ahead log");
  }

  @Test
  void badInputGets4xxWithAMessage() throws Exception {
    String key = newKey("bad-input");
    HttpResponse<String> malformed = post("/v1/track", key, "{\"userId\": \"u\", \"event\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(message(malformed)).startsWith("malformed JSON");
    String pad = "x".repeat(33 * 1024);
    HttpResponse<String> bigEvent = post("/v1/track", key,
        "{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"pad\":\"" + pad + "\"}}");
    assertThat(bigEvent.statusCode()).isEqualTo(400);
    assertThat(message(bigEvent)).contains("32768 bytes");
    HttpResponse<String> bigInBatch = post("/v1/batch", key,
        "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"pad\":\"" + pad + "\"}}]}");
    assertThat(bigInBatch.statusCode()).isEqualTo(400);
    assertThat(message(bigInBatch)).contains("batch[0] is").contains("at most 32768 bytes");
    StringBuilder huge = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 20; i++) {
      huge.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"pad\":\"")
          .append("y".repeat(30 * 1024)).append("\"}}");
    }
    HttpResponse<String> bigBatch = post("/v1/batch", key, huge.append("]}").toString());
    assertThat(bigBatch.statusCode()).isEqualTo(400);
    assertThat(message(bigBatch)).contains("512000 bytes");
    HttpResponse<String> noEvent = post("/v1/track", key, "{\"userId\":\"u\"}");
    assertThat(noEvent.statusCode()).isEqualTo(400);
    assertThat(message(noEvent)).contains("needs an \"event\" name");
    HttpResponse<String> noId = post("/v1/batch", key, "{\"batch\":[{\"type\":\"track\",\"event\":\"e\"}]}");
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(message(noId)).contains("batch[0]").contains("\"userId\" or an \"anonymousId\"");
    assertThat(post("/v1/fly", key, "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void theRateLimitPerWriteKeyAnswers429WithRetryAfter() throws Exception {
    String key = newKey("busy");
    String other = newKey("quiet");
    StringBuilder b = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 300; i++) {
      b.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"r").append(i).append("\",\"event\":\"e\"}");
    }
    String batch = b.append("]}").toString();
    assertThat(post("/v1/batch", key, batch).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = post("/v1/batch", key, batch);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(message(limited)).contains("'busy'").contains("rate limit");
    assertThat(post("/v1/batch", other, batch).statusCode()).as("another key has its own bucket").isEqualTo(200);
  }

  @Test
  void browsersGetCorsAndThePixelAndGa4EndpointsWork() throws Exception {
    String key = newKey("browser");
    HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(url("/v1/batch")))
        .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,authorization")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("authorization");
    HttpResponse<String> cors = send(HttpRequest.newBuilder(URI.create(url("/v1/track")))
        .header("Origin", "https://shop.example").header("Authorization", basic(key, ""))
        .POST(HttpRequest.BodyPublishers.ofString("{\"anonymousId\":\"b-1\",\"event\":\"Clicked\"}")));
    assertThat(cors.statusCode()).isEqualTo(200);
    assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");

    String data = Base64.getEncoder().encodeToString(("{\"writeKey\":\"" + key
        + "\",\"anonymousId\":\"pixel-1\",\"event\":\"Email Opened\",\"properties\":{\"campaign\":\"nov\"}}")
        .getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> pixel = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/v1/pixel/track?data=" + data)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pixel.statusCode()).isEqualTo(200);
    assertThat(pixel.headers().firstValue("Content-Type").orElse("")).startsWith("image/gif");
    assertThat(new String(pixel.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
    assertThat(send(HttpRequest.newBuilder(URI.create(url("/v1/pixel/track?data=not*base64"))).GET()).statusCode())
        .isEqualTo(400);

    HttpResponse<String> ga4 = post("/mp/collect?measurement_id=G-TEST&api_secret=" + key, null, """
        {"client_id": "ga-client-1", "user_id": "ga-user-1", "user_properties": {"tier": {"value": "gold"}},
         "events": [{"name": "purchase", "params": {"value": 12.5, "currency": "EUR"}}]}""");
    assertThat(ga4.statusCode()).as(ga4.body()).isEqualTo(204);
    HttpResponse<String> ga4Bad = post("/mp/collect?api_secret=" + key, null, "{\"client_id\":\"c\",\"events\":[]}");
    assertThat(ga4Bad.statusCode()).isEqualTo(400);
    assertThat(post("/mp/collect?api_secret=wrong", null,
        "{\"client_id\":\"c\",\"events\":[{\"name\":\"x\"}]}").statusCode()).isEqualTo(401);

    Map<String, Map<String, Object>> rows = collected();
    assertThat(rows.values()).anySatisfy(r -> {
      assertThat(r.get("anonymousId")).isEqualTo("pixel-1");
      assertThat(r.get("event")).isEqualTo("Email Opened");
      assertThat(String.valueOf(r.get("properties"))).contains("\"campaign\": \"nov\"");
    });
    assertThat(rows.values()).anySatisfy(r -> {
      assertThat(r.get("userId")).isEqualTo("ga-user-1");
      assertThat(r.get("anonymousId")).isEqualTo("ga-client-1");
      assertThat(r.get("event")).isEqualTo("purchase");
      assertThat(String.valueOf(r.get("properties"))).contains("\"currency\": \"EUR\"");
      assertThat(String.valueOf(r.get("traits"))).contains("\"tier\": \"gold\"");
    });
  }

  @Test
  void segmentsJavaClientEventsArriveIntact() throws Exception {
    String key = newKey("java-client");
    List<Message> ok = new CopyOnWriteArrayList<>();
    List<Throwable> failed = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(5);
    Analytics analytics = Analytics.builder(key).endpoint(url("")).flushQueueSize(5)
        .callback(new Callback() {
          @Override
          public void success(Message message) {
            ok.add(message);
            done.countDown();
          }

          @Override
          public void failure(Message message, Throwable throwable) {
            failed.add(throwable);
            done.countDown();
          }
        }).build();
    try {
      analytics.enqueue(IdentifyMessage.builder().userId("java-user-1")
          .traits(Map.of("email", "java@example.test", "plan", "enterprise")));
      analytics.enqueue(TrackMessage.builder("Order Completed").userId("java-user-1").messageId("java-msg-1")
          .properties(Map.of("orderId", "o-1", "total", 99.9, "coupon", "NOV")));
      analytics.enqueue(PageMessage.builder("Checkout").anonymousId("java-anon-1")
          .properties(Map.of("path", "/checkout")));
      analytics.enqueue(GroupMessage.builder("acme").userId("java-user-1").traits(Map.of("employees", 120)));
      analytics.enqueue(AliasMessage.builder("java-anon-1").userId("java-user-1"));
      analytics.flush();
      assertThat(done.await(60, TimeUnit.SECONDS)).as("the client reported every message").isTrue();
    } finally {
      analytics.shutdown();
    }
    assertThat(failed).isEmpty();
    assertThat(ok).hasSize(5);

    Map<String, Map<String, Object>> rows = collected();
    Map<String, Object> track = rows.get("java-msg-1");
    assertThat(track).isNotNull();
    assertThat(track.get("type")).isEqualTo("track");
    assertThat(track.get("userId")).isEqualTo("java-user-1");
    assertThat(track.get("event")).isEqualTo("Order Completed");
    JsonNode props = JSON.readTree(String.valueOf(track.get("properties")));
    assertThat(props.get("orderId").asText()).isEqualTo("o-1");
    assertThat(props.get("total").asDouble()).isEqualTo(99.9);
    assertThat(props.get("coupon").asText()).isEqualTo("NOV");
    assertThat(String.valueOf(track.get("context"))).contains("analytics-java");
    assertThat(track.get("ip")).isEqualTo("127.0.0.1");
    assertThat(String.valueOf(track.get("userAgent"))).isNotBlank();
    assertThat(track.get("receivedAt")).isNotNull();
    assertThat(rows.values()).anySatisfy(r -> {
      assertThat(r.get("type")).isEqualTo("identify");
      assertThat(r.get("userId")).isEqualTo("java-user-1");
      assertThat(String.valueOf(r.get("traits"))).contains("\"email\": \"java@example.test\"");
    });
    assertThat(rows.values()).anySatisfy(r -> {
      assertThat(r.get("type")).isEqualTo("page");
      assertThat(r.get("anonymousId")).isEqualTo("java-anon-1");
      assertThat(r.get("event")).isEqualTo("Checkout");
    });
    assertThat(rows.values()).filteredOn(r -> "java-user-1".equals(r.get("userId")))
        .extracting(r -> r.get("type")).contains("identify", "track", "group", "alias");
  }

  @Test
  void segmentsNodeClientEventsArriveIntact() throws Exception {
    String key = newKey("node-client");
    Path dir = Path.of("target", "segment-node").toAbsolutePath();
    Files.createDirectories(dir);
    Files.copy(CollectorApiTest.class.getResourceAsStream("/collector/send-events.js"), dir.resolve("send-events.js"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (!Files.isDirectory(dir.resolve("node_modules/@segment/analytics-node"))) {
      Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(),
          "@segment/analytics-node@3.1.0").redirectErrorStream(true).start();
      String out = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(install.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
      assertThat(install.exitValue()).as("npm install @segment/analytics-node (needs the npm registry): " + out)
          .isZero();
    }
    Process node = new ProcessBuilder("node", dir.resolve("send-events.js").toString(), url(""), key)
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(out).isZero();
    assertThat(out).contains("sent 5");

    Map<String, Map<String, Object>> rows = collected();
    Map<String, Object> track = rows.get("node-msg-1");
    assertThat(track).as("the Node client's track event").isNotNull();
    assertThat(track.get("userId")).isEqualTo("node-user-1");
    assertThat(track.get("event")).isEqualTo("Order Completed");
    JsonNode props = JSON.readTree(String.valueOf(track.get("properties")));
    assertThat(props.get("orderId").asText()).isEqualTo("o-17");
    assertThat(props.get("total").asDouble()).isEqualTo(42.5);
    assertThat(props.get("items").get(0).get("qty").asInt()).isEqualTo(2);
    assertThat(String.valueOf(track.get("context"))).contains("@segment/analytics-node");
    assertThat(rows.values()).anySatisfy(r -> {
      assertThat(r.get("type")).isEqualTo("identify");
      assertThat(r.get("userId")).isEqualTo("node-user-1");
      JsonNode traits = JSON.readTree(String.valueOf(r.get("traits")));
      assertThat(traits.get("email").asText()).isEqualTo("node@example.test");
      assertThat(traits.get("seats").asInt()).isEqualTo(5);
    });
    assertThat(rows.values()).filteredOn(r -> "node-anon-1".equals(r.get("anonymousId")))
        .extracting(r -> r.get("type")).containsExactly("page");
    assertThat(rows.values()).filteredOn(r -> "node-user-1".equals(r.get("userId")))
        .extracting(r -> r.get("type")).contains("identify", "track", "group", "alias");
  }

  /**
   * Runs a new flow {@code cairn:source:collector?bounded=true} into a PostgreSQL table upserted by messageId
   * and returns the table's rows by messageId.
   */
  private static Map<String, Map<String, Object>> collected() throws Exception {
    String id = "collected-" + FLOWS.incrementAndGet();
    String flow = """
        - route:
            from:
              uri: "cairn:source:collector"
              parameters: {bounded: true}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: postgres, table: collected, mode: upsert, keyColumns: messageId, createTable: true}
        """.formatted(WAREHOUSE);
    TestApp.Reply deployed = TestApp.post(APP, "/api/v1/flows", ADMIN, Map.of("id", id, "definition", flow));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    String runId = TestApp.post(APP, "/api/v1/flows/" + id + "/run", ADMIN, null).json().get("id").asText();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    JsonNode run;
    do {
      Thread.sleep(100);
      run = TestApp.get(APP, "/api/v1/flows/" + id + "/runs/" + runId, ADMIN).json().get("run");
    } while ("RUNNING".equals(run.get("state").asText()) && System.nanoTime() < deadline);
    assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(WAREHOUSE, LocalServices.PG_USER, "");
        ResultSet rs = c.createStatement().executeQuery("select * from collected")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
        }
        rows.put(rs.getString("messageId"), row);
      }
    }
    return rows;
  }
}
