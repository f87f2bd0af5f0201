package io.cairn.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.PluginZip;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Row;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the built zip: PF4J loads it as the host does and Datafaker works in the plugin loader. */
class DatagenPluginIT {
  @TempDir Path dir;

  @Test
  void theZipHoldsTheDescriptorAndOnlyThePluginsOwnLibraries() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-datagen-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/datafaker-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
  }

  @Test
  void pf4jLoadsTheConnectorWhichGeneratesCustomersThroughThePluginClassLoader() throws Exception {
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"))) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("connector-datagen");
      assertThat(zip.plugin().getDescriptor().getRequires()).isEqualTo(">=1.0.0 & <2.0.0");
      List<SourceConnector> sources = zip.extensions(SourceConnector.class);
      assertThat(sources).extracting(SourceConnector::name).containsExactly("datagen");
      SourceConnector source = sources.getFirst();
      assertThat(source.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());

      SourceTask task = source.createTask(source.configDef().validate(
          Map.of("entity", "customers", "count", "250", "locale", "fr-FR")));
      FakeTaskContext context = new FakeTaskContext("it", dir);
      task.start(context, null);
      List<Row> rows = SourceTasks.rows(SourceTasks.drain(task, 100));
      task.stop();

      assertThat(rows).hasSize(250);
      assertThat(rows).allMatch(r -> r.get(8).equals("FR"));
      assertThat(context.quarantined()).isEmpty();
    }
  }
}
