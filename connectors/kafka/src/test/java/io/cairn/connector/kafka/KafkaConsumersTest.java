package io.cairn.connector.kafka;

import static io.cairn.connector.testkit.SourceTasks.column;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A source with several consumers of one group on a 4-partition topic of an embedded broker. */
class KafkaConsumersTest extends BrokerTest {
  private static final int PARTITIONS = 4;
  private static final int RECORDS = 4000;
  private static final int BATCH = 250;

  @Override
  Map<String, String> taskConfig() {
    return Map.of("columns", "id:LONG");
  }

  /**
   * A 4-partition topic with ids 0..RECORDS-1, id i in partition i % 4, and after ids 500, 1500, 2500 and 3500
   * a malformed record (in partition 0, 1004 records).
   */
  private final List<String> malformed = new ArrayList<>();

  private void fill() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
        kafka.bootstrapServers(), "linger.ms", "5",
        "enable.idempotence", "false"), new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      List<Future<RecordMetadata>> bad = new ArrayList<>();
      for (int i = 0; i < RECORDS; i++) {
        sent.add(p.send(new ProducerRecord<>(topic, i % PARTITIONS, null, "{\"id\":" + i + "}")));
        if (i % 1000 == 500) {
          bad.add(p.send(new ProducerRecord<>(topic, i % PARTITIONS, null, "{\"id\":")));
        }
      }
      for (Future<RecordMetadata> s : sent) {
        s.get(30, TimeUnit.SECONDS);
      }
      // where the broker put them: a retried produce request (no idempotence) may land after later ones
      malformed.clear();
      for (Future<RecordMetadata> b : bad) {
        RecordMetadata m = b.get(30, TimeUnit.SECONDS);
        malformed.add(topic + "/" + m.partition() + "/" + m.offset());
      }
    }
  }

  private SourceTask source(FakeTaskContext context, int consumers) throws Exception {
    return tasks.source(new KafkaSourceConnector(), context, "groupId", "g-" + topic,
        "consumers", Integer.toString(consumers));
  }

  /** Polls with a fixed batch size until {@code rows} rows arrived, then a second more to catch extras. */
  private static List<Batch> read(SourceTask task, int rows) throws Exception {
    List<Batch> batches = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long quietUntil = Long.MAX_VALUE;
    int got = 0;
    while (System.nanoTime() < Math.min(deadline, quietUntil)) {
      Batch b = task.poll(BATCH);
      if (b != null) {
        assertThat(b.size()).isLessThanOrEqualTo(BATCH);
        batches.add(b);
        got += b.size();
      }
      if (got >= rows && quietUntil == Long.MAX_VALUE) {
        quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      }
    }
    return batches;
  }

  private static List<Long> ids(List<Batch> batches) {
    return column(rows(batches), 0).stream().map(Long.class::cast).sorted().toList();
  }

  private static Set<Integer> partitions(List<Row> rows) {
    return rows.stream().map(r -> Integer.parseInt(r.provenance().offset().split("/")[1]))
        .collect(Collectors.toSet());
  }

  @Test
  void threeConsumersReadEveryRecordOnceAndACommittedGroupReadsNothingAgain() throws Exception {
    fill();
    FakeTaskContext context = KafkaTopics.context(dir);
    KafkaConsumersTask task = (KafkaConsumersTask) source(context, 3);
    List<Batch> batches = read(task, RECORDS);
    assertThat(ids(batches)).isEqualTo(LongStream.range(0, RECORDS).boxed().toList());
    assertThat(partitions(rows(batches))).containsExactlyInAnyOrder(0, 1, 2, 3);
    List<Set<TopicPartition>> assigned = task.assignments();
    assertThat(assigned).hasSize(3).allSatisfy(p -> assertThat(p).isNotEmpty());
    assertThat(assigned.stream().mapToInt(Set::size).sum()).isEqualTo(PARTITIONS);
    assertThat(assigned.stream().flatMap(Set::stream).map(TopicPartition::partition).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(task.recordsFetched()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(task.recordsFetched().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECORDS + 4);
    assertThat(context.reasons()).hasSize(4).allSatisfy(r -> assertThat(r).startsWith("invalid JSON: "));
    assertThat(context.quarantined()).extracting(q -> q.where().offset())
        .containsExactlyInAnyOrderElementsOf(malformed).hasSize(4);
    assertThat(batches.getLast().sourceOffset()).isEqualTo(
        topic + ":0=1004," + topic + ":1=1000," + topic + ":2=1000," + topic + ":3=1000");
    task.commit(batches.getLast().sourceOffset());
    task.stop();
    assertThat(rows(read(source(KafkaTopics.context(dir), 3), 1))).isEmpty();
  }

  @Test
  void whatWasNotCommittedIsReadAgainAfterAStop() throws Exception {
    fill();
    SourceTask first = source(KafkaTopics.context(dir), 3);
    List<Batch> batches = read(first, RECORDS);
    assertThat(ids(batches)).hasSize(RECORDS);
    int committed = batches.size() / 2;
    first.commit(batches.get(committed).sourceOffset());
    first.stop();
    List<Long> expected = ids(batches.subList(committed + 1, batches.size()));
    assertThat(expected).isNotEmpty().hasSizeLessThan(RECORDS);
    assertThat(ids(read(source(KafkaTopics.context(dir), 2), expected.size()))).isEqualTo(expected);
  }

  @Test
  void consumersOutOfRangeAreAConfigError() {
    for (String n : List.of("0", "33")) {
      assertThatThrownBy(() -> new KafkaSourceConnector().createTask(KafkaSettings.SOURCE.validate(
          tasks.config("consumers", n)))).isInstanceOf(ConfigException.class)
          .hasMessageContaining("property 'consumers' must be between 1 and 32, not " + n);
    }
    assertThat(new KafkaSourceConnector().createTask(KafkaSettings.SOURCE.validate(tasks.config())))
        .isInstanceOf(KafkaConsumersTask.class);
    assertThat(new KafkaSourceConnector().createTask(KafkaSettings.SOURCE.validate(
        tasks.config("consumers", "32")))).isInstanceOf(KafkaConsumersTask.class);
  }
}
