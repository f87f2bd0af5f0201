package io.cairn.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.PluginZip;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the built zip: PF4J loads it as the host does, and the source reads through its class loader. */
class HttpPluginIT {
  @TempDir Path dir;

  @Test
  void theZipLoadsAndItsSourceReadsAPage() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-connector-http-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/jackson-databind-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"));
        PagedApi api = new PagedApi(10)) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("connector-http");
      SourceConnector source = zip.extensions(SourceConnector.class).getFirst();
      assertThat(source.name()).isEqualTo("http");
      assertThat(source.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());
      String url = api.serve("it", List.of(PagedApi.record(1), PagedApi.record(2)));
      SourceTask task = source.createTask(source.configDef().validate(Map.of("url", url,
          "recordsPointer", "/data", "bearerToken", PagedApi.TOKEN, "columns", "id:LONG,email")));
      task.start(new FakeTaskContext("it", dir), null);
      assertThat(SourceTasks.rows(SourceTasks.drain(task, 10))).hasSize(2);
      task.stop();
    }
  }
}
