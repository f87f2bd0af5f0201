package io.cairn.platform.collector;

import static io.cairn.platform.testkit.TestApp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The collector forwarding to the platform's own embedded broker on a port chosen when it starts ({@code
 * kafka.port: 0}): the forwarder uses the address the broker actually bound, as the health check reports it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CollectorEmbeddedKafkaTest {
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(TestApp.newHome(),
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()),
      ConfigOverride.config("kafka.embedded", "true"),
      ConfigOverride.config("kafka.port", "0"),
      ConfigOverride.config("collector.kafkaTopic", "collected-embedded"));
  private static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);

  @Test
  void eventsReachTheEmbeddedBrokerOnItsChosenPort() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort()
        + "/healthcheck")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String servers = new ObjectMapper().readTree(health).get("kafka").get("message").asText();
    assertThat(servers).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:0");
    String key = TestApp.post(APP, "/api/v1/collector/writekeys", ADMIN, Map.of("name", "embedded")).json()
        .get("key").asText();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + APP.getLocalPort() + "/v1/batch")).header("Authorization", basic(key, ""))
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"batch": [{"type": "track", "userId": "u1", "event": "A", "messageId": "e-1"},
                       {"type": "identify", "userId": "u2", "traits": {"plan": "pro"}, "messageId": "e-2"}]}
            """)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

    Set<String> keys = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "embedded-test",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("collected-embedded"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (keys.size() < 2 && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
          keys.add(new String(rec.key(), StandardCharsets.UTF_8));
          assertThat(new String(rec.value(), StandardCharsets.UTF_8)).contains("\"writeKeyId\"");
        }
      }
    }
    assertThat(keys).containsExactlyInAnyOrder("e-1", "e-2");
  }
}
