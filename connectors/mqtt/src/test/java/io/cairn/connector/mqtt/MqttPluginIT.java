package io.cairn.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.PluginZip;
import io.cairn.connector.testkit.SourceTasks;
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

/** Smoke test of the built zip: PF4J loads it as the host does; a round trip through the plugin class loader. */
class MqttPluginIT {
  @TempDir Path dir;

  @Test
  void theZipHoldsPahoAndTheJsonLibraryButNotTheHostsJars() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-mqtt-0.1.0-SNAPSHOT.jar",
            "lib/cairn-connector-json-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/org.eclipse.paho.client.mqttv3-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
  }

  @Test
  void aRowPublishedByThePluginsSinkComesBackThroughItsSource() throws Exception {
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"));
        Mosquitto broker = new Mosquitto()) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("connector-mqtt");
      SinkConnector sinkConnector = zip.extensions(SinkConnector.class).getFirst();
      SourceConnector sourceConnector = zip.extensions(SourceConnector.class).getFirst();
      assertThat(sourceConnector.name()).isEqualTo("mqtt");
      assertThat(sourceConnector.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());

      SourceTask source = sourceConnector.createTask(sourceConnector.configDef().validate(Map.of(
          "topic", broker.topic, "clientId", broker.sourceClient, "columns", "id:LONG,email",
          "subjectColumn", "email")));
      source.start(Mosquitto.context(dir), null);
      SinkTask sink = sinkConnector.createTask(sinkConnector.configDef().validate(Map.of("topic", broker.topic)));
      sink.start(Mosquitto.context(dir));
      Schema schema = Schema.of(Column.of("id", ColumnType.LONG), Column.of("email", ColumnType.STRING));
      sink.write(Batch.of(schema, List.of(new Row(new Object[] {7L, "p@x.org"}, "p@x.org",
          new Provenance(new DatasetRef("test", "t"), "1"))), null));
      sink.stop();

      List<Row> rows = SourceTasks.rows(SourceTasks.await(source, 1, 10, Duration.ofSeconds(10)));
      assertThat(rows).hasSize(1);
      assertThat(rows.getFirst().values()).containsExactly(7L, "p@x.org");
      assertThat(rows.getFirst().subjectId()).isEqualTo("p@x.org");
      source.stop();
    }
  }
}
