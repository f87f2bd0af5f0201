package io.cairn.connector.kafka;

import io.cairn.connector.testkit.FakeTaskContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Raw access to an embedded broker for tests: unique topic names, producing and reading plain strings. */
final class KafkaTopics {
  private KafkaTopics() {}

  static String unique() {
    return "cairn-test-" + UUID.randomUUID();
  }

  static FakeTaskContext context(Path dir) {
    return new FakeTaskContext("run-" + UUID.randomUUID(), dir);
  }

  static void produce(String bootstrap, String topic, String... values) throws Exception {
    try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
        new StringSerializer(), new StringSerializer())) {
      for (String v : values) {
        p.send(new ProducerRecord<>(topic, v.getBytes(StandardCharsets.UTF_8).length > 0 ? null : "", v)).get();
      }
    }
  }

  /** Every record of the topic as key=value, read with a throw-away group. */
  static List<String> read(String bootstrap, String topic, int expected) {
    List<String> got = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
        "group.id", unique(), "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (got.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          got.add(r.key() + "=" + r.value());
        }
      }
    }
    return got;
  }
}
