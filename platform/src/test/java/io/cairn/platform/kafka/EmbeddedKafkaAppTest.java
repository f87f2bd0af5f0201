package io.cairn.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code kafka.embedded: true}: the server runs a broker under its home, healthy and usable by clients. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EmbeddedKafkaAppTest {
  private static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("kafka.embedded", "true"), ConfigOverride.config("kafka.port", "0"));

  @Test
  void theServersBrokerIsHealthyAndTakesAndGivesRecords() throws Exception {
    JsonNode health;
    try (var r = APP.client().target("http://localhost:" + APP.getAdminPort() + "/healthcheck").request().get()) {
      health = new ObjectMapper().readTree(r.readEntity(String.class)).get("kafka");
    }
    assertThat(health.get("healthy").asBoolean()).isTrue();
    String bootstrap = health.get("message").asText();
    assertThat(bootstrap).startsWith("127.0.0.1:");
    assertThat(Files.exists(HOME.resolve("kafka").resolve("meta.properties"))).isTrue();

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
