package io.cairn.platform.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.policy.AuditEntry;
import io.cairn.catalog.policy.AuditQuery;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.keys.ManagedKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quality alerts against a real HTTP server started here: a figure that crosses its threshold is posted as
 * JSON (after retries when the webhook fails first), one that does not is not, and every delivery is
 * audited without the webhook's path.
 */
class QualityAlertsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final RunScope RUN = new RunScope("crm", "run-1", "etl");

  HttpServer server;
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failFirst = new AtomicInteger();
  AuditLog audit;
  ExecutorService executor = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hooks/secret-token", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = failFirst.getAndDecrement() > 0 ? 503 : 204;
      if (status == 204) {
        received.add(JSON.readTree(body));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(CatalogDatabase.h2FileUrl(Files.createTempDirectory("alerts")));
    CatalogDatabase db = new CatalogDatabase(h2);
    db.migrate();
    audit = new AuditLog(new AuditRepository(db), ManagedKey.of("audit", new byte[16]), 10);
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop(0);
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  URI hook() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/secret-token");
  }

  QualityAlerts alerts(List<QualityConfig.Alert> thresholds, int retries) {
    return new QualityAlerts(thresholds, retries, Duration.ofMillis(20), audit, executor);
  }

  List<AuditEntry> audited() {
    return audit.find(new AuditQuery(null, null, null, "quality.alert", null, null), 0, 100);
  }

  void settle() throws Exception {
    executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFigureBelowItsThresholdIsPostedOnceAndAudited() throws Exception {
    QualityAlerts alerts = alerts(List.of(new QualityConfig.Alert("validity", 0.95, null, null, hook()),
        new QualityConfig.Alert("completeness", 0.5, null, null, hook()),
        new QualityConfig.Alert("validity", 0.99, null, "another-flow", hook())), 0);
    alerts.onFigures(RUN, "quality", Map.of("validity", 0.9, "completeness", 0.97, "rows", 10.0));
    settle();
    assertThat(received).singleElement().satisfies(a -> {
      assertThat(a.get("type").asText()).isEqualTo("cairn.quality.alert");
      assertThat(a.get("flowId").asText()).isEqualTo("crm");
      assertThat(a.get("runId").asText()).isEqualTo("run-1");
      assertThat(a.get("metric").asText()).isEqualTo("validity");
      assertThat(a.get("value").asDouble()).isEqualTo(0.9);
      assertThat(a.get("below").asDouble()).isEqualTo(0.95);
    });
    assertThat(audited()).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo("sent");
      assertThat(e.target()).isEqualTo("flow:crm");
      assertThat(e.details()).contains("\"attempts\":1").doesNotContain("secret-token");
    });
  }

  @Test
  void aFailingWebhookIsRetriedThenGivenUpWithAnAuditEntry() throws Exception {
    failFirst.set(2);
    QualityAlerts alerts = alerts(List.of(new QualityConfig.Alert("uniqueness", null, null, null, hook()),
        new QualityConfig.Alert("duplicates", null, 0.0, null, hook())), 3);
    alerts.onFigures(RUN, "quality", Map.of("uniqueness", 0.5, "duplicates", 4.0));
    settle();
    assertThat(received).as("a threshold with neither bound never fires; the other after 2 failures")
        .singleElement().satisfies(a -> assertThat(a.get("above").asDouble()).isZero());
    assertThat(audited()).singleElement().satisfies(e -> assertThat(e.details()).contains("\"attempts\":3"));

    failFirst.set(100);
    QualityAlerts broken = alerts(List.of(new QualityConfig.Alert("validity", 0.95, null, "crm", hook())), 1);
    assertThat(broken.deliver(new QualityConfig.Alert("validity", 0.95, null, "crm", hook()),
        Map.of("flowId", "crm", "runId", "run-2", "value", 0.1))).isFalse();
    assertThat(audit.find(new AuditQuery(null, null, null, "quality.alert", null, "failed"), 0, 10))
        .singleElement().satisfies(e -> assertThat(e.details()).contains("HTTP 503").contains("\"attempts\":2"));
  }

  @Test
  void anUnreachableWebhookFailsWithoutThrowing() {
    QualityConfig.Alert alert = new QualityConfig.Alert("validity", 0.95, null, null,
        URI.create("http://127.0.0.1:1/hook"));
    assertThat(alerts(List.of(alert), 1).deliver(alert, Map.of("flowId", "crm", "runId", "r", "value", 0.2)))
        .isFalse();
    assertThat(audited()).singleElement().satisfies(e -> assertThat(e.details()).contains("ConnectException"));
    assertThat(alert.isComplete()).isTrue();
    assertThat(new QualityConfig.Alert("validity", null, null, null, URI.create("http://x")).isComplete()).isFalse();
    assertThat(new QualityConfig.Alert("validity", 1.0, null, null, URI.create("file:///etc/passwd")).isComplete())
        .isFalse();
  }
}
