package io.cairn.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the built zip: PF4J loads it as the host does, finds both extensions, and the drivers in the
 * plugin's lib/ are found from the plugin class loader (H2 and PostgreSQL).
 */
class JdbcPluginIT {
  @TempDir Path dir;

  @Test
  void theZipBundlesTheDriversButNotTheHostsJars() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-jdbc-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/postgresql-"))
        .anyMatch(e -> e.startsWith("lib/mariadb-java-client-"))
        .anyMatch(e -> e.startsWith("lib/h2-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
  }

  @Test
  void theLoadedPluginWritesAndReadsThroughItsOwnDrivers() throws Exception {
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"));
        DatabaseServers.Database pg = DatabaseServers.postgres()) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("connector-jdbc");
      SinkConnector sink = zip.extensions(SinkConnector.class).getFirst();
      SourceConnector source = zip.extensions(SourceConnector.class).getFirst();
      assertThat(List.of(sink.name(), source.name())).containsExactly("jdbc", "jdbc");
      assertThat(sink.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());

      for (String url : List.of("jdbc:h2:" + dir.resolve("it").toAbsolutePath(), pg.url())) {
        FakeTaskContext context = new FakeTaskContext("it", dir);
        Map<String, String> config = Map.of("url", url, "user", url.contains("h2") ? "sa" : "postgres",
            "table", "smoke", "createTable", "true", "keyColumns", "id", "mode", "upsert");
        SinkTask write = sink.createTask(sink.configDef().validate(config));
        write.start(context);
        Schema schema = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING));
        Provenance from = new Provenance(new DatasetRef("test", "in"), "1");
        assertThat(write.write(Batch.of(schema, List.of(new Row(new Object[] {1L, "a"}, null, from),
            new Row(new Object[] {2L, "b"}, null, from)), null))).isEqualTo(2);
        write.stop();

        SourceTask read = source.createTask(source.configDef().validate(
            Map.of("url", config.get("url"), "user", config.get("user"), "table", "smoke")));
        read.start(context, null);
        assertThat(SourceTasks.rows(SourceTasks.drain(read, 10))).hasSize(2);
        read.stop();
      }
    }
  }
}
