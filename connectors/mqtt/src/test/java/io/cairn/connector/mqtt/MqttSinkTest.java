package io.cairn.connector.mqtt;

import static io.cairn.connector.testkit.SourceTasks.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.StartedTasks;
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
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against the machine's Mosquitto: a round trip through the source. */
class MqttSinkTest {
  private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("at", ColumnType.TIMESTAMP), Column.of("payload", ColumnType.JSON));

  /** Within Mosquitto's default bound on messages queued for one client (max_queued_messages 1000). */
  private static final int ROWS = 1000;

  @TempDir Path dir;

  @Test
  void publishedRowsArriveAtASubscribedSourceIdentically() throws Exception {
    try (Mosquitto broker = new Mosquitto();
        StartedTasks tasks = new StartedTasks(java.util.Map.of("topic", broker.topic))) {
      SourceTask source = tasks.source(new MqttSourceConnector(), Mosquitto.context(dir),
          "clientId", broker.sourceClient, "columns", "id:LONG,at:TIMESTAMP,payload:JSON");
      SinkTask sink = tasks.sink(new MqttSinkConnector(), Mosquitto.context(dir));
      Provenance from = new Provenance(new DatasetRef("test", "t"), "0");
      List<Row> written = LongStream.range(0, ROWS).mapToObj(i -> new Row(new Object[] {i,
          Instant.ofEpochSecond(1_700_000_000L + i), "{\"k\":[" + i + "]}"}, null, from)).toList();
      assertThat(sink.write(Batch.of(SCHEMA, written, null))).isEqualTo(ROWS);
      assertThat(sink.dataset().toString()).isEqualTo("mqtt://127.0.0.1:1883/" + broker.topic);

      List<Row> read = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (read.size() < ROWS && System.nanoTime() < deadline) {
        Batch got = source.poll(1000);
        if (got != null) {
          read.addAll(got.rows());
          source.commit(got.sourceOffset());
        }
      }
      assertThat(read).hasSize(ROWS);
      for (int i = 0; i < 3; i++) {
        assertThat(column(read, i)).containsExactlyInAnyOrderElementsOf(column(written, i));
      }
    }
  }
}
