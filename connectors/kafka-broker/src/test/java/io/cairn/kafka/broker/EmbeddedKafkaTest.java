package io.cairn.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker takes a record, and keeps it across a stop and a start. */
class EmbeddedKafkaTest {
  @TempDir Path dir;

  @Test
  void freePortsAreDistinctAndAvoidTheTakenOne() throws Exception {
    for (int round = 0; round < 200; round++) {
      int[] two = EmbeddedKafka.freePorts(2, 0);
      assertThat(two[0]).isPositive().isNotEqualTo(two[1]);
      int[] one = EmbeddedKafka.freePorts(1, two[0]);
      assertThat(one[0]).isPositive().isNotEqualTo(two[0]);
    }
  }

  @Test
  void aRecordWrittenBeforeARestartIsReadAfterIt() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
      try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        p.send(new ProducerRecord<>("t1", "k", "v")).get();
      }
      kafka.stop();
      assertThat(kafka.running()).isFalse();
      kafka.start();
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "g", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
          new StringDeserializer(), new StringDeserializer())) {
        c.subscribe(List.of("t1"));
        ConsumerRecords<String, String> got = ConsumerRecords.empty();
        for (int i = 0; i < 50 && got.isEmpty(); i++) {
          got = c.poll(Duration.ofMillis(200));
        }
        assertThat(got.count()).isEqualTo(1);
        assertThat(got.iterator().next().value()).isEqualTo("v");
      }
    }
  }
}
