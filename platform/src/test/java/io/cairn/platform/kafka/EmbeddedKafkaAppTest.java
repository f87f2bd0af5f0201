package io.cairn.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.testkit.ConnectorsApp;
import io.cairn.platform.testkit.Http;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code kafka.embedded: true}: the server runs a broker under its home, healthy and usable by clients. */
class EmbeddedKafkaAppTest {
  @Test
  void theServersBrokerIsHealthyAndTakesAndGivesRecords() throws Exception {
    JsonNode health = new Http(ConnectorsApp.adminUrl(), "none").get("/healthcheck").json().get("kafka");
    assertThat(health.get("healthy").asBoolean()).isTrue();
    String bootstrap = health.get("message").asText();
    assertThat(bootstrap).startsWith("127.0.0.1:");
    assertThat(Files.exists(ConnectorsApp.home().resolve("kafka").resolve("meta.properties"))).isTrue();

    try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
        new StringSerializer(), new StringSerializer())) {
      p.send(new ProducerRecord<>("app-test", "k", "{\"n\":1}")).get();
    }
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
        "group.id", "app-test", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of("app-test"));
      ConsumerRecords<String, String> got = ConsumerRecords.empty();
      for (int i = 0; i < 50 && got.isEmpty(); i++) {
        got = c.poll(Duration.ofMillis(200));
      }
      assertThat(got.count()).isEqualTo(1);
    }
  }
}
