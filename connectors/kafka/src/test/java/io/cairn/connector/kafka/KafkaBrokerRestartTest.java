package io.cairn.connector.kafka;

import static io.cairn.connector.testkit.SourceTasks.column;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.SourceTasks;
import io.cairn.connector.testkit.StartedTasks;
import io.cairn.kafka.broker.EmbeddedKafka;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops in the middle of a stream and comes back: a write during the outage fails (and is not
 * acknowledged), polls return nothing, and afterwards every acknowledged row arrives exactly once.
 */
class KafkaBrokerRestartTest {
  private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG));
  private static final Provenance FROM = new Provenance(new DatasetRef("test", "t"), "0");

  @TempDir Path dir;

  private static Batch ids(long from, long to) {
    return Batch.of(SCHEMA, LongStream.range(from, to).mapToObj(i -> new Row(new Object[] {i}, null, FROM))
        .toList(), null);
  }

  /** Polls and commits like the host until {@code n} rows came or the time ran out. */
  private static List<Row> readAndCommit(SourceTask source, int n, Duration timeout) throws Exception {
    List<Row> rows = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (rows.size() < n && System.nanoTime() < deadline) {
      Batch b = source.poll(500);
      if (b != null && b.sourceOffset() != null) {
        rows.addAll(b.rows());
        source.commit(b.sourceOffset());
      }
    }
    return rows;
  }

  @Test
  void acknowledgedRowsArriveExactlyOnceAcrossABrokerRestart() throws Exception {
    String topic = KafkaTopics.unique();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        StartedTasks tasks = new StartedTasks(Map.of("bootstrapServers", kafka.bootstrapServers(), "topic", topic,
            "timeoutMs", "4000"))) {
      SinkTask sink = tasks.sink(new KafkaSinkConnector(), KafkaTopics.context(dir));
      SourceTask source = tasks.source(new KafkaSourceConnector(), KafkaTopics.context(dir),
          "columns", "id:LONG", "groupId", "g-" + topic);
      sink.write(ids(0, 300));
      List<Row> before = readAndCommit(source, 300, Duration.ofSeconds(20));

      kafka.stop();
      assertThatThrownBy(() -> sink.write(ids(300, 310))).hasMessageContaining("Kafka did not acknowledge");
      assertThat(source.poll(100)).isNull();
      kafka.start();

      long written = 0;
      for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); written == 0; ) {
        try {
          written = sink.write(ids(310, 600));
        } catch (java.io.IOException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
      }
      List<Row> after = readAndCommit(source, 290, Duration.ofSeconds(30));
      List<Object> all = new ArrayList<>(column(before, 0));
      all.addAll(column(after, 0));
      assertThat(all).hasSize(590).doesNotHaveDuplicates()
          .containsAll(LongStream.range(0, 300).boxed().toList())
          .containsAll(LongStream.range(310, 600).boxed().toList());
      assertThat(rows(SourceTasks.await(source, 1, 10, Duration.ofSeconds(1)))).isEmpty();
    }
  }
}
