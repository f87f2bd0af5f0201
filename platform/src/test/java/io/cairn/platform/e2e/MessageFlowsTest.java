package io.cairn.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.cairn.platform.testkit.Http;
import io.cairn.platform.testkit.ConnectorsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * The bundled rabbitmq and mqtt plugins inside the real server (allow-list class loading, offsets committed
 * by the flow runtime): a relay flow from one queue or topic to another moves every message once, and
 * acknowledges what it read.
 */
class MessageFlowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int N = 500;

  private static Http http() {
    return ConnectorsApp.admin();
  }

  private static void deploy(Http http, String id, String definition) throws Exception {
    assertThat(http.postJson("/api/v1/flows", Map.of("id", id, "definition", definition)).status())
        .as(id).isEqualTo(201);
  }

  private static long await(LongSupplier count, long n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long c;
    while ((c = count.getAsLong()) < n && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return c;
  }

  @Test
  void aRabbitMqRelayMovesEveryMessageAndAcknowledgesWhatItRead() throws Exception {
    String in = "cairn-flow-in-" + UUID.randomUUID();
    String out = "cairn-flow-out-" + UUID.randomUUID();
    StringBuilder csv = new StringBuilder("id,email\n");
    for (int i = 0; i < N; i++) {
      csv.append(i).append(",p").append(i).append("@x.org\n");
    }
    Path file = Files.writeString(ConnectorsApp.home().resolve("people.csv"), csv);
    Http http = http();
    deploy(http, "rabbit-load", """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", columns: "id:LONG,email"}
              steps:
                - to: {uri: "cairn:sink:rabbitmq", parameters: {queue: "%s"}}
        """.formatted(file, in));
    deploy(http, "rabbit-relay", """
        - route:
            from:
              uri: "cairn:source:rabbitmq"
              parameters: {queue: "%s", columns: "id:LONG,email", subjectColumn: email}
              steps:
                - to: {uri: "cairn:sink:rabbitmq", parameters: {queue: "%s"}}
        """.formatted(in, out));
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    try (Connection c = f.newConnection(); Channel ch = c.createChannel()) {
      ch.queueDeclare(in, true, false, false, null);
      ch.queueDeclare(out, true, false, false, null);
      String loadRun = http.post("/api/v1/flows/rabbit-load/run").json().get("id").asText();
      assertThat(http.awaitRun("rabbit-load", loadRun, Duration.ofSeconds(60)).get("state").asText())
          .isEqualTo("SUCCEEDED");
      assertThat(http.post("/api/v1/flows/rabbit-relay/start").status()).isEqualTo(202);
      assertThat(await(() -> count(ch, out), N)).isEqualTo(N);
      http.post("/api/v1/flows/rabbit-relay/stop");
      assertThat(count(ch, in)).as("every message read was acknowledged").isZero();
      assertThat(count(ch, out)).isEqualTo(N);
      JsonNode first = JSON.readTree(ch.basicGet(out, true).getBody());
      assertThat(first.get("email").asText()).isEqualTo("p" + first.get("id").asLong() + "@x.org");
      ch.queueDelete(in);
      ch.queueDelete(out);
    }
  }

  private static long count(Channel ch, String queue) {
    try {
      return ch.queueDeclarePassive(queue).getMessageCount();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anMqttRelayWithAPersistentSessionMovesEveryMessage() throws Exception {
    String base = "cairn-flow/" + UUID.randomUUID();
    String clientId = "cairn-flow-test-" + UUID.randomUUID().toString().substring(0, 8);
    Set<String> received = ConcurrentHashMap.newKeySet();
    MqttClient collector = new MqttClient("tcp://127.0.0.1:1883", clientId + "-out", new MemoryPersistence());
    collector.connect();
    collector.subscribe(base + "/out", 1, (topic, m) -> received.add(new String(m.getPayload(),
        StandardCharsets.UTF_8)));
    MqttConnectOptions keep = new MqttConnectOptions();
    keep.setCleanSession(false);
    MqttClient session = new MqttClient("tcp://127.0.0.1:1883", clientId, new MemoryPersistence());
    session.connect(keep);
    session.subscribe(base + "/in", 1);
    session.disconnect();
    session.close();
    MqttClient publisher = new MqttClient("tcp://127.0.0.1:1883", clientId + "-pub", new MemoryPersistence());
    MqttConnectOptions fast = new MqttConnectOptions();
    fast.setMaxInflight(N + 10);   // Paho frees acknowledged ids asynchronously: the default window of 10 can overflow
    publisher.connect(fast);
    for (int i = 0; i < N; i++) {
      publisher.publish(base + "/in", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1, false);
    }
    publisher.disconnect();
    publisher.close();

    Http http = http();
    deploy(http, "mqtt-relay", """
        - route:
            from:
              uri: "cairn:source:mqtt"
              parameters: {topic: "%s/in", clientId: "%s", columns: "n:LONG"}
              steps:
                - to: {uri: "cairn:sink:mqtt", parameters: {topic: "%s/out"}}
        """.formatted(base, clientId, base));
    assertThat(http.post("/api/v1/flows/mqtt-relay/start").status()).isEqualTo(202);
    assertThat(await(() -> received.size(), N)).isEqualTo(N);
    http.post("/api/v1/flows/mqtt-relay/stop");
    assertThat(received).contains("{\"n\":0}", "{\"n\":" + (N - 1) + "}");
    collector.disconnect();
    collector.close();
    MqttConnectOptions clean = new MqttConnectOptions();
    clean.setCleanSession(true);
    MqttClient cleaner = new MqttClient("tcp://127.0.0.1:1883", clientId, new MemoryPersistence());
    cleaner.connect(clean);
    cleaner.disconnect();
    cleaner.close();
  }
}
