package io.cairn.connector.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.PluginZip;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the built zip: PF4J loads it as the host does; a round trip through the plugin class loader. */
class RabbitPluginIT {
  @TempDir Path dir;

  @Test
  void theZipHoldsTheDescriptorTheClientAndTheJsonLibraryButNotTheHostsJars() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-rabbitmq-0.1.0-SNAPSHOT.jar",
            "lib/cairn-connector-json-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/amqp-client-"))
        .anyMatch(e -> e.startsWith("lib/jackson-databind-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
  }

  @Test
  void aRowPublishedByThePluginsSinkComesBackThroughItsSource() throws Exception {
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"));
        Broker broker = new Broker()) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("connector-rabbitmq");
      SinkConnector sinkConnector = zip.extensions(SinkConnector.class).getFirst();
      SourceConnector sourceConnector = zip.extensions(SourceConnector.class).getFirst();
      assertThat(sourceConnector.name()).isEqualTo("rabbitmq");
      assertThat(sinkConnector.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());

      SinkTask sink = sinkConnector.createTask(sinkConnector.configDef().validate(Map.of("queue", broker.queue)));
      FakeTaskContext context = new FakeTaskContext("it", dir);
      sink.start(context);
      Schema schema = Schema.of(Column.of("id", ColumnType.LONG), Column.of("email", ColumnType.STRING));
      sink.write(Batch.of(schema, java.util.List.of(new Row(new Object[] {7L, "p@x.org"}, "p@x.org",
          new Provenance(new DatasetRef("test", "t"), "1"))), null));
      sink.stop();

      SourceTask source = sourceConnector.createTask(sourceConnector.configDef().validate(Map.of(
          "queue", broker.queue, "columns", "id:LONG,email", "subjectColumn", "email")));
      source.start(context, null);
      Batch got = null;
      for (long end = System.currentTimeMillis() + 10_000; got == null && System.currentTimeMillis() < end; ) {
        got = source.poll(10);
      }
      assertThat(got).isNotNull();
      assertThat(got.rows().getFirst().values()).containsExactly(7L, "p@x.org");
      assertThat(got.rows().getFirst().subjectId()).isEqualTo("p@x.org");
      source.commit(got.sourceOffset());
      source.stop();
      assertThat(broker.ready()).isZero();
    }
  }
}
