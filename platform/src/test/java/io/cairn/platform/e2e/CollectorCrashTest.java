package io.cairn.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.collector.wal.LogEntry;
import io.cairn.platform.testkit.Http;
import io.cairn.platform.testkit.ServerProcess;
import io.cairn.platform.testkit.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server while 8 clients post Segment batches to the collector: every event of every batch that
 * was answered 200 is in the write-ahead log afterwards, once, with its stamp; and the server starts again on the
 * same log and takes more.
 */
class CollectorCrashTest {
  private static final int CLIENTS = 8;
  private static final int EVENTS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void acknowledgedEventsSurviveAKillOnceEach(@TempDir Path home) throws Exception {
    Map<String, String> env = Map.of(
        "CAIRN_ADMIN_PASSWORD", TestApp.ADMIN_PASSWORD,
        "CAIRN_BUNDLED_PLUGINS", Path.of("target", "bundled-plugins").toAbsolutePath().toString());
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    String key;
    try (ServerProcess first = new ServerProcess(home, env).start()) {
      Http admin = new Http(first.url(), TestApp.basic("admin", TestApp.ADMIN_PASSWORD));
      key = admin.postJson("/api/v1/collector/writekeys", Map.of("name", "crash")).json().get("key").asText();
      AtomicBoolean posting = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(clients.submit(() -> {
          for (int b = 0; posting.get(); b++) {
            String batch = "c" + client + "-b" + b;
            try {
              HttpResponse<String> r = http.send(post(first.url(), key, batch), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 200) {
                acknowledged.add(batch);
              } else {
                refused.incrementAndGet();
              }
            } catch (java.io.IOException killedMidRequest) {
              refused.incrementAndGet();
            }
          }
          return null;
        }));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(acknowledged.size()).as("batches stored before the kill").isGreaterThanOrEqualTo(200);
      first.kill(); // while the clients are still posting
      posting.set(false);
      for (Future<?> f : done) {
        f.get();
      }
      clients.shutdown();
    }

    assertThat(refused.get()).as("requests the kill cut off (the clients were still posting)").isPositive();
    Path wal = home.resolve("collector").resolve("wal");
    Set<String> acknowledgedAtKill = Set.copyOf(acknowledged);
    Map<String, Integer> stored = new HashMap<>();
    try (EventLog log = EventLog.open(wal, 10L << 30, 64L << 20)) {
      for (LogEntry e : log.read(0, 10_000_000)) {
        JsonNode event = JSON.readTree(e.value());
        assertThat(event.get("messageId").asText()).isEqualTo(e.keyString());
        assertThat(event.get("receivedAt").asText()).isNotEmpty();
        assertThat(event.path("context").path("ip").asText()).isNotEmpty();
        assertThat(event.path("properties").path("n").asInt()).isBetween(0, EVENTS - 1);
        stored.merge(e.keyString(), 1, Integer::sum);
      }
    }
    assertThat(stored.values()).as("each event stored once").allMatch(n -> n == 1);
    for (String batch : acknowledgedAtKill) {
      for (int i = 0; i < EVENTS; i++) {
        assertThat(stored).as("acknowledged event %s-e%d", batch, i).containsKey(batch + "-e" + i);
      }
    }
    assertThat(stored.size()).as("stored: the acknowledged batches and parts of the ones in flight")
        .isGreaterThanOrEqualTo(acknowledgedAtKill.size() * EVENTS);

    try (ServerProcess second = new ServerProcess(home, env).start()) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(post(second.url(), key, "after"),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    try (EventLog log = EventLog.open(wal, 10L << 30, 64L << 20)) {
      List<LogEntry> all = log.read(0, 10_000_000);
      assertThat(all).hasSize(stored.size() + EVENTS);
      assertThat(all.subList(stored.size(), all.size())).extracting(LogEntry::keyString)
          .allMatch(k -> k.startsWith("after-e"));
    }
  }

  /** A batch of {@link #EVENTS} track events whose messageIds are {@code <batch>-e<i>}. */
  private static HttpRequest post(String url, String key, String batch) {
    StringBuilder body = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < EVENTS; i++) {
      body.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"event\":\"Crash Test\",\"userId\":\"u")
          .append(i).append("\",\"messageId\":\"").append(batch).append("-e").append(i)
          .append("\",\"properties\":{\"n\":").append(i).append(",\"pad\":\"").append("x".repeat(200))
          .append("\"}}");
    }
    body.append("],\"context\":{\"library\":{\"name\":\"crash-test\"}}}");
    return HttpRequest.newBuilder(URI.create(url + "/v1/batch"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":")
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }
}
