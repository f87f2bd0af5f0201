package io.cairn.connector.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.PluginZip;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built zip through PF4J: DuckDB's native library loads from the plugin class loader, both ways. */
class ParquetPluginIT {
  @TempDir Path dir;

  @Test
  void theZipWritesAndReadsALakeThroughThePluginClassLoader() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-parquet-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/duckdb_jdbc-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"))) {
      SinkConnector sinkConnector = zip.extensions(SinkConnector.class).getFirst();
      SourceConnector sourceConnector = zip.extensions(SourceConnector.class).getFirst();
      assertThat(sinkConnector.name()).isEqualTo("parquet");
      assertThat(sourceConnector.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());
      Path lake = dir.resolve("lake");
      SinkTask sink = sinkConnector.createTask(sinkConnector.configDef().validate(Map.of("path", lake.toString(),
          "partitionBy", "placed_at")));
      sink.start(new FakeTaskContext("it", dir));
      assertThat(sink.write(Lake.batch(0, 40, "40"))).isEqualTo(40);
      sink.stop();
      SourceTask source = sourceConnector.createTask(sourceConnector.configDef().validate(
          Map.of("path", lake.toString())));
      source.start(new FakeTaskContext("it", dir), null);
      assertThat(SourceTasks.rows(SourceTasks.drain(source, 100))).hasSize(40);
      source.stop();
    }
  }
}
