package io.cairn.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.PluginZip;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the built zip: PF4J loads it as the host does and finds both extensions. */
class FilePluginIT {
  @TempDir Path dir;

  @Test
  void theZipHoldsTheDescriptorAndOnlyThePluginsOwnLibraries() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-file-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/commons-csv-"))
        .anyMatch(e -> e.startsWith("lib/jackson-databind-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
  }

  @Test
  void pf4jLoadsTheExtensionsWhichReadAFileThroughThePluginClassLoader() throws Exception {
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"))) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("connector-file");
      assertThat(zip.plugin().getDescriptor().getRequires()).isEqualTo(">=1.0.0 & <2.0.0");
      assertThat(zip.extensions(SinkConnector.class)).extracting(SinkConnector::name).containsExactly("file");
      SourceConnector source = zip.extensions(SourceConnector.class).getFirst();
      assertThat(source.name()).isEqualTo("file");
      assertThat(source.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());

      Path csv = Files.writeString(dir.resolve("in.csv"), "id,v\n1,{\"a\":1}\n2,oops\n");
      SourceTask task = source.createTask(source.configDef().validate(
          Map.of("path", csv.toString(), "columns", "id:LONG,v:JSON")));
      FakeTaskContext context = new FakeTaskContext("it", dir);
      task.start(context, null);
      assertThat(SourceTasks.rows(SourceTasks.drain(task, 10))).hasSize(1);
      assertThat(context.reasons()).containsExactly("line 3: column 'v': 'oops' is not a JSON");
      task.stop();
    }
  }
}
