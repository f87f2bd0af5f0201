package io.cairn.connector.kafka;

import static io.cairn.connector.testkit.SourceTasks.column;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Source and sink against an embedded broker: round trip, commit-only-after-write, quarantine, offsets. */
class KafkaConnectorTest extends BrokerTest {
  private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email", ColumnType.STRING));
  private static final Provenance FROM = new Provenance(new DatasetRef("test", "t"), "0");


  private SourceTask source(String... config) throws Exception {
    return source(KafkaTopics.context(dir), config);
  }

  /** A source task in this test's group. */
  private SourceTask source(FakeTaskContext context, String... config) throws Exception {
    String[] withGroup = java.util.Arrays.copyOf(config, config.length + 2);
    withGroup[config.length] = "groupId";
    withGroup[config.length + 1] = "g-" + topic;
    return tasks.source(new KafkaSourceConnector(), context, withGroup);
  }

  private static Batch batch(long from, long to) {
    return Batch.of(SCHEMA, LongStream.range(from, to).mapToObj(i ->
        new Row(new Object[] {i, "p" + i + "@x.org"}, "s" + i, FROM)).toList(), null);
  }

  @Test
  void rowsProducedByTheSinkAreConsumedByTheSourceWithTheirKeys() throws Exception {
    SinkTask sink = tasks.sink(new KafkaSinkConnector(), KafkaTopics.context(dir), "keyColumn", "email",
        "compression", "lz4");
    assertThat(sink.write(batch(0, 2000))).isEqualTo(2000);
    assertThat(sink.dataset()).isEqualTo(new DatasetRef("kafka://" + kafka.bootstrapServers(), topic));
    SourceTask source = source("columns", "id:LONG,email", "subjectColumn", "email");
    List<Batch> batches = SourceTasks.await(source, 2000, 1000, Duration.ofSeconds(20));
    List<Row> rows = rows(batches);
    assertThat(column(rows, 0)).isEqualTo(column(batch(0, 2000).rows(), 0));
    assertThat(rows.get(7).subjectId()).isEqualTo("p7@x.org");
    assertThat(rows.get(7).provenance().offset()).isEqualTo(topic + "/0/7");
    assertThat(batches.getLast().sourceOffset()).isEqualTo(topic + ":0=2000");
    source.commit(batches.getLast().sourceOffset());
    source.stop();
    assertThat(rows(SourceTasks.await(source("columns", "id:LONG"), 1, 10, Duration.ofSeconds(2)))).isEmpty();
    assertThat(KafkaTopics.read(kafka.bootstrapServers(), topic, 2000).get(3)).isEqualTo(
        "p3@x.org={\"id\":3,\"email\":\"p3@x.org\"}");
  }

  @Test
  void batchesSentWithoutWaitingArriveInOrderAndASendAfterStopFails() throws Exception {
    SinkTask sink = tasks.sink(new KafkaSinkConnector(), KafkaTopics.context(dir), "keyColumn", "email");
    List<java.util.concurrent.CompletableFuture<Long>> acks = LongStream.range(0, 5)
        .mapToObj(b -> sendNow(sink, batch(b * 300, b * 300 + 300))).toList();
    for (var ack : acks) {
      assertThat(ack.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(300L);
    }
    List<String> records = KafkaTopics.read(kafka.bootstrapServers(), topic, 1500);
    assertThat(records).hasSize(1500);
    assertThat(records.get(1499)).isEqualTo("p1499@x.org={\"id\":1499,\"email\":\"p1499@x.org\"}");
    sink.stop();
    assertThat(sendNow(sink, batch(0, 1))).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class).withMessageContaining("was stopped");
  }

  private static java.util.concurrent.CompletableFuture<Long> sendNow(SinkTask sink, Batch batch) {
    try {
      return sink.send(batch).toCompletableFuture();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void whatWasNotCommittedIsReadAgainByTheGroupsNextTask() throws Exception {
    KafkaTopics.produce(kafka.bootstrapServers(), topic, "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
    SourceTask first = source("columns", "n:LONG");
    List<Batch> two = SourceTasks.await(first, 2, 2, Duration.ofSeconds(20));
    assertThat(column(rows(two), 0)).containsExactly(1L, 2L);
    first.commit(two.getLast().sourceOffset());
    assertThat(column(rows(SourceTasks.await(first, 2, 2, Duration.ofSeconds(10))), 0)).containsExactly(3L, 4L);
    first.stop();
    SourceTask second = source("columns", "n:LONG");
    assertThat(column(rows(SourceTasks.await(second, 2, 10, Duration.ofSeconds(20))), 0))
        .containsExactly(3L, 4L);
  }

  @Test
  void aCommitReachesTheGroupFromTheConsumersThreadAndStopCommitsWhatWasHandedOver() throws Exception {
    KafkaTopics.produce(kafka.bootstrapServers(), topic, "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
    SourceTask task = source("columns", "n:LONG");
    List<Batch> two = SourceTasks.await(task, 2, 2, Duration.ofSeconds(20));
    task.commit(two.getLast().sourceOffset()); // returns at once: the consumer's thread commits it
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (committed() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(committed()).isEqualTo(2);
    List<Batch> rest = SourceTasks.await(task, 2, 2, Duration.ofSeconds(10));
    assertThat(column(rows(rest), 0)).containsExactly(3L, 4L);
    Thread.sleep(500);
    assertThat(committed()).as("nothing past the acknowledged position is committed").isEqualTo(2);
    task.commit(rest.getLast().sourceOffset());
    task.stop();
    assertThat(committed()).as("stop commits what was handed over").isEqualTo(4);
  }

  /** The test group's committed position of partition 0, or -1. */
  private long committed() throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      var offsets = admin.listConsumerGroupOffsets("g-" + topic).partitionsToOffsetAndMetadata().get();
      var at = offsets.get(new org.apache.kafka.common.TopicPartition(topic, 0));
      return at == null ? -1 : at.offset();
    }
  }

  @Test
  void malformedRecordsAreQuarantinedWithTheirOffsetAndCommittedWithTheBatch() throws Exception {
    KafkaTopics.produce(kafka.bootstrapServers(), topic, "{\"n\":1}", "{\"n\":", "\"text\"", "{\"n\":4}");
    FakeTaskContext context = KafkaTopics.context(dir);
    SourceTask task = source(context, "columns", "n:LONG");
    List<Batch> batches = SourceTasks.await(task, 2, 10, Duration.ofSeconds(20));
    assertThat(column(rows(batches), 0)).containsExactly(1L, 4L);
    assertThat(context.reasons()).hasSize(2);
    assertThat(context.reasons().getFirst()).startsWith("invalid JSON: ");
    assertThat(context.reasons().getLast()).isEqualTo("expected a JSON object, found string");
    assertThat(context.quarantined()).extracting(q -> q.where().offset())
        .containsExactly(topic + "/0/1", topic + "/0/2");
    assertThat(batches.getLast().sourceOffset()).isEqualTo(topic + ":0=4");
  }

  @Test
  void aStoredOffsetAheadOfTheGroupMovesThePartitionForward() throws Exception {
    KafkaTopics.produce(kafka.bootstrapServers(), topic, "{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    SourceTask task = new KafkaSourceConnector().createTask(KafkaSettings.SOURCE.validate(tasks.config(
        "columns", "n:LONG", "groupId", "g-" + topic)));
    task.start(KafkaTopics.context(dir), topic + ":0=2");
    try {
      assertThat(column(rows(SourceTasks.await(task, 2, 10, Duration.ofSeconds(20))), 0)).containsExactly(2L, 3L);
    } finally {
      task.stop();
    }
    assertThatThrownBy(() -> Positions.decode("nonsense")).hasMessageContaining("not a Kafka source offset");
  }

  @Test
  void configIsCheckedAndThePasswordIsSecret() {
    assertThatThrownBy(() -> KafkaSettings.SOURCE.validate(Map.of())).hasMessageContaining(
        "property 'topic' is required");
    assertThat(KafkaSettings.SINK.secretNames()).containsExactly("password");
    Map<String, Object> client = KafkaSettings.client(KafkaSettings.SINK.validate(Map.of("topic", "t",
        "username", "u", "password", "p\"w", "securityProtocol", "SASL_SSL")), "c");
    assertThat(client.get("sasl.jaas.config")).isEqualTo(
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\\\"w\";");
    assertThat(KafkaSettings.SINK.validate(Map.of("topic", "t", "password", "pw-9")).toString())
        .doesNotContain("pw-9");
    assertThat(KafkaSettings.producer(KafkaSettings.SINK.validate(Map.of("topic", "t")), "c"))
        .containsEntry("compression.type", "none").containsEntry("acks", "all");
    assertThat(KafkaSettings.producer(KafkaSettings.SINK.validate(Map.of("topic", "t", "compression", "zstd")),
        "c")).containsEntry("compression.type", "zstd");
    assertThatThrownBy(() -> KafkaSettings.SINK.validate(Map.of("topic", "t", "compression", "brotli")))
        .hasMessageContaining("compression");
  }

  @Test
  void oneConsumerOnSeveralPartitionsGivesEachRowItsPartitionAndEachBatchEveryPositionHandedOut() throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) 1))).all().get();
    }
    try (org.apache.kafka.clients.producer.KafkaProducer<String, String> p =
        new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new org.apache.kafka.common.serialization.StringSerializer(),
            new org.apache.kafka.common.serialization.StringSerializer())) {
      for (int i = 0; i < 30; i++) {
        p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, i % 3, null,
            i == 13 ? "{\"id\":\"x\"}" : "{\"id\":" + i + "}"));
      }
    }
    FakeTaskContext context = KafkaTopics.context(dir);
    SourceTask source = source(context, "columns", "id:LONG");
    List<Batch> batches = SourceTasks.await(source, 29, 4, Duration.ofSeconds(20));
    Map<Integer, Long> seen = new java.util.HashMap<>();
    for (Batch b : batches) {
      for (Row r : b.rows()) {
        long id = (Long) r.get(0);
        String[] where = r.provenance().offset().split("/");
        assertThat(where[0]).isEqualTo(topic);
        assertThat(Integer.parseInt(where[1])).isEqualTo(id % 3);
        assertThat(Long.parseLong(where[2])).isEqualTo(id / 3);
        seen.merge((int) (id % 3), id / 3 + 1, Math::max);
      }
      // a batch's offset holds, for every partition handed out so far, the position after its last record
      Map<org.apache.kafka.common.TopicPartition, Long> positions = Positions.decode(b.sourceOffset());
      seen.forEach((partition, next) -> assertThat(positions.get(
          new org.apache.kafka.common.TopicPartition(topic, partition))).isGreaterThanOrEqualTo(next));
    }
    assertThat(batches.getLast().sourceOffset()).isEqualTo(topic + ":0=10," + topic + ":1=10," + topic + ":2=10");
    assertThat(context.quarantined()).extracting(q -> q.where().offset()).containsExactly(topic + "/1/4");
    source.stop();
  }
}
