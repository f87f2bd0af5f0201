package io.cairn.connector.kafka;

import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Avro record values on a real (embedded) broker: every type round trips, bad values are quarantined. */
class KafkaAvroTest extends BrokerTest {
  private static final Schema ORDERS = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email", ColumnType.STRING), Column.of("total", ColumnType.DECIMAL),
      Column.of("score", ColumnType.DOUBLE), Column.of("paid", ColumnType.BOOLEAN),
      Column.of("born", ColumnType.DATE), Column.of("placed_at", ColumnType.TIMESTAMP),
      Column.of("extra", ColumnType.JSON));
  private static final Provenance FROM = new Provenance(new DatasetRef("test", "t"), "0");
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");

  @Override
  Map<String, String> taskConfig() {
    return Map.of("format", "avro");
  }

  private static Object[] order(long i) {
    return new Object[] {i, "p" + i + "@x.org", new BigDecimal(i + ".5000000000"), i * 0.25, i % 2 == 0,
        LocalDate.of(1990, 1, 1).plusDays(i), T0.plusSeconds(i), i % 3 == 0 ? null : "{\"n\":" + i + "}"};
  }

  private static Batch batch(long from, long to) {
    return Batch.of(ORDERS, LongStream.range(from, to).mapToObj(i -> new Row(order(i), "p" + i + "@x.org", FROM))
        .toList(), null);
  }

  private static String schemaJson() {
    return AvroCodec.derive(ORDERS).toString();
  }

  @Test
  void everyTypeRoundTripsThroughAvroWithTheSubject() throws Exception {
    SinkTask sink = tasks.sink(new KafkaSinkConnector(), KafkaTopics.context(dir));
    assertThat(sink.write(batch(0, 300))).isEqualTo(300);
    FakeTaskContext context = KafkaTopics.context(dir);
    SourceTask source = tasks.source(new KafkaSourceConnector(), context, "avroSchema", schemaJson(),
        "subjectColumn", "email", "groupId", "g-" + topic);
    List<Row> rows = rows(SourceTasks.await(source, 300, 100, Duration.ofSeconds(30)));
    assertThat(rows).hasSize(300);
    assertThat(context.quarantined()).isEmpty();
    for (Row r : rows) {
      long id = (Long) r.get(0);
      Object[] expected = order(id);
      for (int c = 0; c < expected.length; c++) {
        assertThat(r.get(c)).as("row %d column %s", id, ORDERS.column(c).name()).isEqualTo(expected[c]);
      }
      assertThat(r.subjectId()).isEqualTo("p" + id + "@x.org");
    }
  }

  @Test
  void valuesThatAreNotRecordsOfTheSchemaAreQuarantinedAndTheRestIsRead() throws Exception {
    SinkTask sink = tasks.sink(new KafkaSinkConnector(), KafkaTopics.context(dir));
    sink.write(batch(0, 3));
    KafkaTopics.produce(kafka.bootstrapServers(), topic, "{\"id\": 1, \"json\": \"not avro\"}");
    sink.write(batch(3, 5));
    FakeTaskContext context = KafkaTopics.context(dir);
    SourceTask source = tasks.source(new KafkaSourceConnector(), context, "avroSchema", schemaJson(),
        "groupId", "g-" + topic);
    assertThat(rows(SourceTasks.await(source, 5, 100, Duration.ofSeconds(30)))).hasSize(5);
    assertThat(context.quarantined()).singleElement().satisfies(q -> {
      assertThat(q.reason()).startsWith("not an Avro record of the configured schema");
      assertThat(q.rawRecord()).startsWith("0x7b22");
    });
  }

  @Test
  void aSourceNeedsAValidRecordSchemaAndNoJsonColumns() {
    KafkaSourceConnector c = new KafkaSourceConnector();
    Map<String, String> base = Map.of("bootstrapServers", "127.0.0.1:1", "topic", topic, "format", "avro");
    assertThatThrownBy(() -> c.createTask(c.configDef().validate(base)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'avroSchema' is required");
    assertThatThrownBy(() -> c.createTask(c.configDef().validate(with(base, "avroSchema", "{not json"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not an Avro schema");
    assertThatThrownBy(() -> c.createTask(c.configDef().validate(with(base, "avroSchema", "\"string\""))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must be a record schema");
    assertThatThrownBy(() -> c.createTask(c.configDef().validate(with(with(base, "avroSchema", schemaJson()),
        "columns", "id:LONG")))).isInstanceOf(ConfigException.class).hasMessageContaining("'columns' is for JSON");
    assertThatThrownBy(() -> c.createTask(c.configDef().validate(with(with(base, "avroSchema", schemaJson()),
        "subjectColumn", "nope")))).isInstanceOf(ConfigException.class).hasMessageContaining("no field 'nope'");
    Map<String, String> json = with(base, "format", "json");
    assertThatThrownBy(() -> c.createTask(c.configDef().validate(with(json, "avroSchema", schemaJson()))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("needs format: avro");
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> m = new java.util.HashMap<>(base);
    m.put(key, value);
    return m;
  }
}
