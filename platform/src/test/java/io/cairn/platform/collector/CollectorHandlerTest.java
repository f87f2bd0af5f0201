package io.cairn.platform.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.collector.WriteKeyRepository;
import io.cairn.governance.consent.ConsentCapture;
import io.cairn.governance.testing.Catalogs;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.collector.wal.LogEntry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's handler on a real Jetty server, inserted into a servlet context ahead of a servlet as the
 * application does it, over a real write-ahead log and catalog (H2): the 200 comes only once the request's events
 * are durable, the CORS preflight and the 404 of an unknown {@code /v1} path are answered without the servlets, other
 * paths reach the servlets, and the meters count.
 */
class CollectorHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  @TempDir Path dir;
  private EventLog log;
  private Server server;
  private String key;
  private final MetricRegistry metrics = new MetricRegistry();
  /** The paths the servlet behind the handler saw. */
  private final List<String> servletSaw = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    WriteKeys keys = new WriteKeys(new WriteKeyRepository(Catalogs.h2()));
    key = keys.create("handler", "admin").key();
    log = EventLog.open(dir.resolve("wal"), 10_000_000, 1 << 20);
    Collector collector = new Collector(JSON, keys, log, new RateLimits(0, System::nanoTime), ConsentCapture.NONE,
        32 * 1024, 500 * 1024);
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        servletSaw.add(req.getRequestURI());
        resp.setStatus(404);
        resp.getWriter().write("servlet");
      }
    }), "/*");
    context.insertHandler(new CollectorHandler(collector, JSON, Clock.systemUTC(), List.of("https://shop.example"),
        new ClientAddress(List.of()), new CollectorHandler.Meters(metrics.meter("requests"), metrics.meter("events"),
            metrics.meter("refused"))));
    server.setHandler(context);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    log.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path;
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return CLIENT.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void theAnswerComesOnlyOnceTheRequestsEventsAreOnDisk() throws Exception {
    // concurrent requests share group commits: each one's events must be readable (readers see only forced
    // records) when its own client has the 200
    int clients = 8;
    Map<String, Boolean> durableAtAnswer = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < clients; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          for (int i = 0; i < 10; i++) {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> r = post("/v1/batch", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\","
                + "\"messageId\":\"" + id + "\"}]}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            durableAtAnswer.put(id, readable(id));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    assertThat(durableAtAnswer).hasSize(clients * 10).allSatisfy((id, durable) -> assertThat(durable).as(id).isTrue());
    assertThat(metrics.meter("events").getCount()).isEqualTo(clients * 10);
    assertThat(metrics.meter("requests").getCount()).isEqualTo(clients * 10);
  }

  /** Whether a record with this messageId is in the forced part of the log. */
  private boolean readable(String messageId) throws java.io.IOException {
    for (LogEntry e : log.read(0, Integer.MAX_VALUE)) {
      if (messageId.equals(new String(e.key(), StandardCharsets.UTF_8))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void thePreflightAndUnknownCollectorPathsAreAnsweredByTheHandler() throws Exception {
    // without Access-Control-Request-Headers the answer names the headers the Segment clients send
    HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(url("/v1/import/")))
        .header("Origin", "https://shop.example").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.statusCode()).isEqualTo(204);
    Map<String, List<String>> headers = preflight.headers().map();
    assertThat(headers).containsEntry("access-control-allow-origin", List.of("https://shop.example"))
        .containsEntry("access-control-allow-headers", List.of("Content-Type, Authorization"))
        .containsEntry("access-control-max-age", List.of("86400")).containsEntry("vary", List.of("Origin"));
    HttpResponse<String> stranger = send(HttpRequest.newBuilder(URI.create(url("/v1/track")))
        .header("Origin", "https://evil.example").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> unknown = post("/v1/fly", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("message").asText()).contains("no collector endpoint /v1/fly");
    HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(url("/v1/track"))).GET());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(get.body()).get("message").asText()).contains("GET /v1/track is not a collector endpoint");
    assertThat(servletSaw).as("collector paths never reach the servlets").isEmpty();
    assertThat(metrics.meter("refused").getCount()).isEqualTo(2);

    assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/v1/other"))).GET()).body()).isEqualTo("servlet");
    assertThat(servletSaw).containsExactly("/api/v1/other");
  }

  @Test
  void aTooLargeBodyIsReadToItsEndAndRefusedWithoutChunkedLength() throws Exception {
    String pad = "y".repeat(600 * 1024);
    // no Content-Length: the handler counts the bytes as they arrive
    HttpResponse<String> big = send(HttpRequest.newBuilder(URI.create(url("/v1/batch")))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
            ("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"p\":\"" + pad
                + "\"}}]}").getBytes(StandardCharsets.UTF_8)))));
    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(big.body()).get("message").asText()).contains("512000 bytes");
    assertThat(log.read(0, 10)).as("nothing stored").isEmpty();
    HttpResponse<String> small = post("/v1/track", "{\"userId\":\"u\",\"event\":\"after\"}");
    assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
    assertThat(log.read(0, 10)).hasSize(1);
  }

  @Test
  void reusedBodyBuffersHoldOnlyTheirOwnRequest() throws Exception {
    // one request after the other, so that each is read into the buffer the one before gave back: a long batch, a
    // malformed one, a short batch and a single event; none may see the bytes an earlier request left behind
    StringBuilder longBatch = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 40; i++) {
      longBatch.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",")
          .append("\"messageId\":\"long-").append(i).append("\",\"properties\":{\"p\":\"").append("x".repeat(500))
          .append("\"}}");
    }
    assertThat(post("/v1/batch", longBatch.append("]}").toString()).statusCode()).isEqualTo(200);
    HttpResponse<String> malformed = post("/v1/batch", "{\"batch\":[{\"type\":\"track\",");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).get("message").asText()).contains("malformed JSON");
    HttpResponse<String> shortBatch = post("/v1/batch",
        "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"short-0\"}]}");
    assertThat(shortBatch.statusCode()).as(shortBatch.body()).isEqualTo(200);
    HttpResponse<String> single = post("/v1/track", "{\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"one\"}");
    assertThat(single.statusCode()).as(single.body()).isEqualTo(200);

    List<String> stored = new ArrayList<>();
    for (LogEntry e : log.read(0, Integer.MAX_VALUE)) {
      JsonNode event = JSON.readTree(e.value());
      stored.add(event.get("messageId").asText());
      if (event.get("messageId").asText().startsWith("long-")) {
        assertThat(event.get("properties").get("p").asText()).isEqualTo("x".repeat(500));
      } else {
        assertThat(event.has("properties")).as(event.toString()).isFalse();
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      expected.add("long-" + i);
    }
    expected.add("short-0");
    expected.add("one");
    assertThat(stored).containsExactlyElementsOf(expected);
  }
}
