package io.cairn.platform.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.CatalogDatabase;
import io.cairn.governance.RunScope;
import io.cairn.governance.lineage.EventValidator;
import io.cairn.kafka.broker.EmbeddedKafka;
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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lineage.transport.type: kafka}: Cairn's own events on a topic of a real (embedded KRaft) broker. */
class LineageKafkaTransportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DatasetRef SOURCE = new DatasetRef("file", "/data/in.csv");
  private static final DatasetRef TARGET = new DatasetRef("kafka://127.0.0.1:9092", "customers");
  private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email", ColumnType.STRING).withTags("PII"));

  @TempDir
  Path home;

  @Test
  void everyEventOfARunArrivesOnTheTopicInOrderAndValid() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(home.resolve("kafka"), 0)) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(CatalogDatabase.h2FileUrl(home.resolve("catalog")));
      CatalogDatabase db = new CatalogDatabase(ds);
      db.migrate();
      LineageModule lineage = new LineageModule(db, "cairn", Duration.ofHours(1),
          LineageTransportConfig.kafka(kafka.bootstrapServers(), "lineage-events").create());
      RunScope run = new RunScope("to-kafka", UUID.randomUUID().toString(), "engineer");
      try {
        lineage.recorder().onRunStart(run);
        lineage.recorder().afterRead(run, SOURCE, batch(5));
        lineage.recorder().afterWrite(run, TARGET, batch(5), 5);
        lineage.recorder().onRunEnd(run, "SUCCEEDED", null);
        lineage.flush();
      } finally {
        lineage.stop();
      }

      List<JsonNode> events = consume(kafka.bootstrapServers(), "lineage-events", 2);
      assertThat(events).extracting(e -> e.path("eventType").asText()).containsExactly("START", "COMPLETE");
      assertThat(events).allSatisfy(e -> {
        assertThat(new EventValidator().validate(e)).isEmpty();
        assertThat(e.path("run").path("runId").asText()).isEqualTo(run.runId());
      });
      JsonNode complete = events.get(1);
      assertThat(complete.path("outputs").get(0).path("name").asText()).isEqualTo("customers");
      assertThat(complete.path("outputs").get(0).path("outputFacets").path("outputStatistics").path("rowCount")
          .asLong()).isEqualTo(5);
    }
  }

  @Test
  void anIncompleteKafkaTransportIsRefused() {
    assertThatThrownBy(() -> LineageTransportConfig.kafka("", "t").create())
        .hasMessageContaining("lineage.transport.bootstrap and lineage.transport.topic are required");
    assertThatThrownBy(() -> LineageTransportConfig.kafka("127.0.0.1:1", " ").create())
        .hasMessageContaining("required for a kafka transport");
  }

  private static List<JsonNode> consume(String bootstrap, String topic, int expected) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
        "group.id", "lineage-test", "auto.offset.reset", "earliest"), new StringDeserializer(),
        new StringDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          out.add(JSON.readTree(r.value()));
        }
      }
    }
    return out;
  }

  private static Batch batch(int rows) {
    Batch.Builder b = Batch.builder(SCHEMA);
    for (int i = 0; i < rows; i++) {
      b.add(new Row(new Object[] {(long) i, "a" + i + "@example.com"}, null, new Provenance(SOURCE, "" + i)));
    }
    return b.build();
  }
}
