package io.cairn.platform.collector;

import static io.cairn.platform.testkit.TestApp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.kafka.broker.EmbeddedKafka;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The collector in front of Kafka: events go through the write-ahead log to a topic, a flow upserts the topic
 * into PostgreSQL by messageId. The broker stops in the middle of the stream: the collector keeps accepting
 * until its log reaches the bound (then 503 with Retry-After), drains the log once the broker is back, and every
 * event it acknowledged arrives exactly once in the table.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CollectorKafkaTest {
  private static final EmbeddedKafka KAFKA = startKafka();
  private static final String WAREHOUSE = LocalServices.createPostgresDatabase("cairn_collector_kafka");
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(TestApp.newHome(),
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()),
      ConfigOverride.config("collector.kafkaTopic", "collected"),
      ConfigOverride.config("collector.kafkaBootstrapServers", KAFKA.bootstrapServers()),
      ConfigOverride.config("collector.walMaxBytes", "1000000"),
      ConfigOverride.config("collector.walSegmentBytes", "50000"),
      ConfigOverride.config("collector.eventsPerSecondPerKey", "0"));
  private static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static EmbeddedKafka startKafka() {
    try {
      return EmbeddedKafka.start(TestApp.newHome().resolve("broker"), 0);
    } catch (Exception e) {
      throw new IllegalStateException("the embedded Kafka broker did not start", e);
    }
  }

  @AfterAll
  static void stopServices() {
    KAFKA.close();
    LocalServices.dropPostgresDatabase(WAREHOUSE);
  }

  private static String batch(int from, int to) {
    StringBuilder b = new StringBuilder("{\"batch\":[");
    for (int i = from; i < to; i++) {
      b.append(i == from ? "" : ",").append("{\"type\":\"track\",\"messageId\":\"m-").append(i)
          .append("\",\"userId\":\"u").append(i).append("\",\"event\":\"e").append(i)
          .append("\",\"properties\":{\"n\":").append(i).append("}}");
    }
    return b.append("]}").toString();
  }

  private static HttpResponse<String> send(String key, String body) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + "/v1/batch"))
        .header("Authorization", basic(key, "")).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(String sql) {
    try (Connection c = DriverManager.getConnection(WAREHOUSE, LocalServices.PG_USER, "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  @Test
  void everyAcknowledgedEventArrivesOnceAcrossABrokerOutage() throws Exception {
    TestApp.Reply created = TestApp.post(APP, "/api/v1/collector/writekeys", ADMIN, Map.of("name", "stream"));
    assertThat(created.status()).isEqualTo(201);
    String key = created.json().get("key").asText();
    String flow = """
        - route:
            from:
              uri: "cairn:source:kafka"
              parameters: {bootstrapServers: "%s", topic: collected, columns: "messageId,type,userId,event", subjectColumn: userId, timeoutMs: 5000}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: postgres, table: events, mode: upsert, keyColumns: messageId, createTable: true}
        """.formatted(KAFKA.bootstrapServers(), WAREHOUSE);
    assertThat(TestApp.post(APP, "/api/v1/flows", ADMIN, Map.of("id", "collected", "definition", flow)).status())
        .isEqualTo(201);
    assertThat(TestApp.post(APP, "/api/v1/flows/collected/start", ADMIN, null).status()).isEqualTo(202);

    Set<Integer> acked = new HashSet<>();
    int next = 0;
    for (; next < 2000; next += 100) {
      assertThat(send(key, batch(next, next + 100)).statusCode()).isEqualTo(200);
      acked.add(next);
    }

    KAFKA.stop();
    int acceptedWhileDown = 0;
    HttpResponse<String> full = null;
    while (full == null && next < 100_000) {
      HttpResponse<String> r = send(key, batch(next, next + 100));
      if (r.statusCode() == 200) {
        acked.add(next);
        acceptedWhileDown++;
        next += 100;
      } else {
        full = r;
      }
    }
    assertThat(acceptedWhileDown).as("batches accepted into the log while the broker was down").isGreaterThan(5);
    assertThat(full).isNotNull();
    assertThat(full.statusCode()).as(full.body()).isEqualTo(503);
    assertThat(full.headers().firstValue("Retry-After")).isPresent();
    assertThat(full.body()).contains("write-ahead log is full");

    KAFKA.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (int i = 0; i < 11; i++, next += 100) {
      HttpResponse<String> retried = send(key, batch(next, next + 100));
      while (retried.statusCode() == 503 && System.nanoTime() < deadline) {
        Thread.sleep(200); // as a client honouring Retry-After, sooner
        retried = send(key, batch(next, next + 100));
      }
      assertThat(retried.statusCode()).as("accepted again as the log drains: " + retried.body()).isEqualTo(200);
      acked.add(next);
    }

    long expected = acked.size() * 100L;
    long rows;
    deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    do {
      Thread.sleep(250);
      rows = count("select count(*) from events");
    } while (rows < expected && System.nanoTime() < deadline);
    assertThat(rows).as("every acknowledged event, once").isEqualTo(expected);
    assertThat(count("select count(distinct \"messageId\") from events")).isEqualTo(expected);
    assertThat(count("select count(*) from events where \"userId\" <> 'u' || substr(\"messageId\", 3)"
        + " or \"event\" <> 'e' || substr(\"messageId\", 3) or \"type\" <> 'track'")).isZero();
    assertThat(count("select max(cast(substr(\"messageId\", 3) as int)) from events")).isEqualTo(next - 1);
    JsonNode runs = TestApp.get(APP, "/api/v1/flows/collected/runs?limit=1", ADMIN).json();
    assertThat(runs.get(0).get("state").asText()).as("the flow rode out the outage").isEqualTo("RUNNING");
    TestApp.post(APP, "/api/v1/flows/collected/stop", ADMIN, null);
  }
}
