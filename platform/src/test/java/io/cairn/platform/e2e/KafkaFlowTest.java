package io.cairn.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.kafka.broker.EmbeddedKafka;
import io.cairn.platform.testkit.Http;
import io.cairn.platform.testkit.ConnectorsApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming flow from an embedded Kafka broker through the bundled {@code kafka} connector into a
 * PostgreSQL table upserted by key; the broker stops in the middle of the stream and comes back. Every
 * record produced arrives, exactly one row per key.
 */
class KafkaFlowTest {
  @TempDir static Path brokerDir;
  private static EmbeddedKafka kafka;
  private static String warehouse;

  @BeforeAll
  static void services() throws Exception {
    kafka = EmbeddedKafka.start(brokerDir, 0);
    warehouse = LocalServices.createPostgresDatabase("cairn_kafka");
  }

  @AfterAll
  static void stopServices() {
    kafka.close();
    LocalServices.dropPostgresDatabase(warehouse);
  }

  private static void produce(int from, int to) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("acks", "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
        new StringSerializer())) {
      for (int i = from; i < to; i++) {
        producer.send(new ProducerRecord<>("events", "u" + i,
            "{\"id\":" + i + ",\"user\":\"u" + i + "\",\"event\":\"view\"}"));
      }
      producer.flush();
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(warehouse, LocalServices.PG_USER, "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  /** Waits until the table holds {@code n} rows; returns the count seen last. */
  private static long awaitRows(long n, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long rows;
    do {
      Thread.sleep(100);
      rows = count("select count(*) from events");
    } while (rows < n && System.nanoTime() < deadline);
    return rows;
  }

  @Test
  void everyRecordArrivesOnceAcrossABrokerRestart() throws Exception {
    produce(0, 20_000);
    String flow = """
        - route:
            from:
              uri: "cairn:source:kafka"
              parameters: {bootstrapServers: "%s", topic: events, columns: "id:LONG,user,event", subjectColumn: user, timeoutMs: 5000}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: postgres, table: events, mode: upsert, keyColumns: id, createTable: true}
        """.formatted(kafka.bootstrapServers(), warehouse);
    Http http = ConnectorsApp.admin();
    assertThat(http.postJson("/api/v1/flows", Map.of("id", "kafka-events", "definition", flow)).status())
        .isEqualTo(201);
    assertThat(http.post("/api/v1/flows/kafka-events/start").status()).isEqualTo(202);
    assertThat(awaitRows(1000, Duration.ofSeconds(60))).as("rows before the broker stops").isBetween(1000L, 19_999L);

    kafka.stop();
    Thread.sleep(2000);
    kafka.start();
    produce(20_000, 22_000);
    assertThat(awaitRows(22_000, Duration.ofSeconds(90))).isEqualTo(22_000);
    assertThat(running(http)).as("the run rode out the outage").isTrue();
    assertThat(count("select count(distinct id) from events")).isEqualTo(22_000);
    assertThat(count("select min(id) from events")).isZero();
    assertThat(count("select max(id) from events")).isEqualTo(21_999);
    assertThat(count("select count(*) from events where \"user\" <> 'u' || id")).isZero();
    http.post("/api/v1/flows/kafka-events/stop");
  }

  private static boolean running(Http http) throws Exception {
    JsonNode runs = http.get("/api/v1/flows/kafka-events/runs?limit=1").json();
    return runs.size() > 0 && "RUNNING".equals(runs.get(0).get("state").asText());
  }
}
