package io.cairn.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.PluginZip;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.kafka.broker.EmbeddedKafka;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.connector.SourceConnector;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the built zip: PF4J loads it as the host does and, with the plugin class loader as the
 * context loader (as the host calls plugins), a row goes through its sink and back through its source.
 */
class KafkaPluginIT {
  @TempDir Path dir;

  @Test
  void theZipHoldsTheClientAndItsCompressionLibrariesButNotTheHostsJars() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-kafka-0.1.0-SNAPSHOT.jar",
            "lib/cairn-connector-json-0.1.0-SNAPSHOT.jar", "lib/kafka-clients-4.4.0.jar",
            "lib/zstd-jni-1.5.7-17.jar", "lib/lz4-java-1.11.2.jar")
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j")
            || e.contains("kafka-broker") || e.contains("kafka_2.13") || e.contains("log4j"));
  }

  @Test
  void aRowProducedByThePluginsSinkIsConsumedByItsSource() throws Exception {
    String topic = KafkaTopics.unique();
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"));
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      Thread.currentThread().setContextClassLoader(zip.plugin().getPluginClassLoader());
      assertThat(zip.plugin().getPluginId()).isEqualTo("connector-kafka");
      SinkConnector sinkConnector = zip.extensions(SinkConnector.class).getFirst();
      SourceConnector sourceConnector = zip.extensions(SourceConnector.class).getFirst();
      assertThat(sourceConnector.name()).isEqualTo("kafka");
      assertThat(sinkConnector.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());

      SinkTask sink = sinkConnector.createTask(sinkConnector.configDef().validate(Map.of(
          "bootstrapServers", kafka.bootstrapServers(), "topic", topic)));
      sink.start(KafkaTopics.context(dir));
      Schema schema = Schema.of(Column.of("id", ColumnType.LONG), Column.of("email", ColumnType.STRING));
      sink.write(Batch.of(schema, List.of(new Row(new Object[] {7L, "p@x.org"}, "p@x.org",
          new Provenance(new DatasetRef("test", "t"), "1"))), null));
      sink.stop();

      SourceTask source = sourceConnector.createTask(sourceConnector.configDef().validate(Map.of(
          "bootstrapServers", kafka.bootstrapServers(), "topic", topic, "columns", "id:LONG,email",
          "subjectColumn", "email")));
      source.start(KafkaTopics.context(dir), null);
      List<Batch> got = SourceTasks.await(source, 1, 10, Duration.ofSeconds(20));
      source.commit(got.getLast().sourceOffset());
      source.stop();
      List<Row> rows = SourceTasks.rows(got);
      assertThat(rows).hasSize(1);
      assertThat(rows.getFirst().values()).containsExactly(7L, "p@x.org");
      assertThat(rows.getFirst().subjectId()).isEqualTo("p@x.org");
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }
}
