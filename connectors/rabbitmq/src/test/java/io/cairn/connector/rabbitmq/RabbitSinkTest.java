package io.cairn.connector.rabbitmq;

import static io.cairn.connector.testkit.SourceTasks.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against the machine's RabbitMQ: confirmed publishing, a round trip, and refused messages. */
class RabbitSinkTest {
  private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("amount", ColumnType.DECIMAL), Column.of("day", ColumnType.DATE), Column.of("name", ColumnType.STRING));
  private static final Provenance FROM = new Provenance(new DatasetRef("test", "rows"), "1");

  @TempDir Path dir;
  private Broker broker;
  private StartedTasks tasks;

  @BeforeEach
  void broker() throws Exception {
    broker = new Broker();
    tasks = new StartedTasks(Map.of("queue", broker.queue));
  }

  @AfterEach
  void cleanUp() throws Exception {
    tasks.close();
    broker.close();
  }

  private SinkTask sink(String... config) throws Exception {
    return tasks.sink(new RabbitSinkConnector(), Broker.context(dir), config);
  }

  private static Batch batch(int from, int count) {
    Batch.Builder b = Batch.builder(SCHEMA);
    for (int i = from; i < from + count; i++) {
      b.add(new Row(new Object[] {(long) i, new BigDecimal(i + ".50"), LocalDate.of(2024, 1, 1 + i % 28),
          i % 3 == 0 ? null : "n" + i}, "s" + i, FROM));
    }
    return b.build();
  }

  @Test
  void writtenRowsAreConfirmedAndReadBackIdentically() throws Exception {
    SinkTask sink = sink();
    assertThat(sink.write(batch(0, 500))).isEqualTo(500);
    assertThat(sink.write(batch(500, 0))).isZero();
    assertThat(broker.ready()).isEqualTo(500);
    assertThat(sink.dataset().name()).isEqualTo(broker.queue);

    SourceTask source = tasks.source(new RabbitSourceConnector(), Broker.context(dir),
        "columns", "id:LONG,amount:DECIMAL,day:DATE,name");
    List<Row> rows = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 10_000;
    while (rows.size() < 500 && System.currentTimeMillis() < deadline) {
      Batch b = source.poll(1000);
      if (b != null) {
        rows.addAll(b.rows());
        source.commit(b.sourceOffset());
      }
    }
    List<Row> expected = batch(0, 500).rows();
    assertThat(rows).hasSize(500);
    for (int i = 0; i < 4; i++) {
      assertThat(column(rows, i)).isEqualTo(column(expected, i));
    }
  }

  @Test
  void aMessageThatNoQueueTakesFailsTheWrite() throws Exception {
    SinkTask sink = sink("exchange", "amq.direct", "routingKey", broker.queue + "-unbound");
    assertThatThrownBy(() -> sink.write(batch(0, 3)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("3 of 3 messages were returned unroutable: 312 NO_ROUTE (exchange 'amq.direct'");
  }

  @Test
  void anExchangeThatDoesNotExistFailsTheWrite() throws Exception {
    SinkTask sink = sink("exchange", broker.queue + "-no-such-exchange");
    assertThatThrownBy(() -> sink.write(batch(0, 2))).hasMessageContaining("NOT_FOUND - no exchange");
  }

  @Test
  void configNeedsARoutingKeyOrQueueAndAnAmqpUriAndMasksThePassword() {
    RabbitSinkConnector connector = new RabbitSinkConnector();
    assertThatThrownBy(() -> connector.createTask(RabbitConfig.SINK.validate(Map.of())))
        .hasMessageContaining("property 'routingKey' or 'queue' is required");
    assertThatThrownBy(() -> connector.createTask(RabbitConfig.SINK.validate(Map.of("queue", "q", "uri",
        "http://x")))).hasMessageContaining("property 'uri' is not an AMQP URI");
    assertThat(RabbitConfig.SOURCE.secretNames()).containsExactly("password");
    assertThat(RabbitConfig.SINK.validate(Map.of("password", "s3cret")).toString())
        .contains("password=******").doesNotContain("s3cret");
  }

  @Test
  void aWrongPasswordFailsTheStart() {
    assertThatThrownBy(() -> sink("password", "wrong"))
        .hasMessageContaining("ACCESS_REFUSED");
  }
}
