package io.cairn.bench.lifecycle;

import io.cairn.bench.server.CairnApi;
import io.cairn.bench.server.CairnServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark 3: plugin hot-install on a running server. Each round uploads a connector zip as the raw body of
 * {@code POST /api/v1/plugins} and times (1) until the 201 answer and (2) until a flow using the connector is
 * accepted by {@code POST /api/v1/flows} (retried until it is; each round's flow has its own id and endpoint URI
 * so nothing is served from Camel's endpoint cache). Between rounds the flow and the plugin are removed again
 * ({@code DELETE}). Before the first round the benchmark checks that such a flow is refused while the plugin is
 * not installed, so the second figure really waits for the plugin.
 */
public final class PluginBenchmark {
  private static final Duration DEPLOYABLE_TIMEOUT = Duration.ofSeconds(30);

  private final PrintStream progress;

  public PluginBenchmark(PrintStream progress) {
    this.progress = progress;
  }

  /**
   * The figures of one run.
   *
   * @param untilCreated from starting the upload to the 201 answer
   * @param untilDeployable from starting the upload to a flow using the plugin being accepted
   */
  public record Result(String pluginId, String zip, long zipBytes, int rounds, Timings untilCreated,
      Timings untilDeployable) {}

  /**
   * Installs the zip {@code rounds} times.
   *
   * @param zip a connector plugin zip contributing the {@code datagen} source (a bundled copy, if installed, is
   *     removed first)
   */
  public Result run(CairnServer server, Path zip, int rounds) throws IOException, InterruptedException {
    CairnApi api = server.api();
    byte[] bytes = Files.readAllBytes(zip);
    String fileName = zip.getFileName().toString();
    datagenPlugin(api).ifPresent(api::uninstallPlugin);
    CairnApi.Reply refused = api.deployFlow("bench-plugin-probe", route(0));
    if (refused.status() < 400) {
      throw new IllegalStateException("a flow using cairn:source:datagen was accepted while no plugin provided it "
          + "(HTTP " + refused.status() + "); the benchmark would measure nothing");
    }
    String pluginId = null;
    List<Duration> created = new ArrayList<>();
    List<Duration> deployable = new ArrayList<>();
    for (int i = 1; i <= rounds; i++) {
      String flowId = "bench-plugin-" + i;
      long started = System.nanoTime();
      CairnApi.Reply reply = api.installPlugin(bytes, fileName);
      created.add(Duration.ofNanos(System.nanoTime() - started));
      String installed = CairnApi.expect(201, reply).json().path("id").asText();
      CairnApi.Reply deployed = api.deployFlow(flowId, route(i));
      while (deployed.status() != 201 && deployed.status() != 200) {
        if (System.nanoTime() - started > DEPLOYABLE_TIMEOUT.toNanos()) {
          throw new IllegalStateException("a flow using the plugin was still refused "
              + DEPLOYABLE_TIMEOUT.toSeconds() + " s after the upload: HTTP " + deployed.status() + " "
              + deployed.body());
        }
        Thread.sleep(1);
        deployed = api.deployFlow(flowId, route(i));
      }
      deployable.add(Duration.ofNanos(System.nanoTime() - started));
      api.deleteFlow(flowId);
      api.uninstallPlugin(installed);
      pluginId = installed;
      progress.printf("plugin: round %d/%d: 201 after %,d ms, flow deployed after %,d ms%n", i, rounds,
          created.getLast().toMillis(), deployable.getLast().toMillis());
    }
    return new Result(pluginId, fileName, bytes.length, rounds, Timings.of(created), Timings.of(deployable));
  }

  /** A flow reading {@code round + 1} generated customers; the count makes each round's endpoint URI unique. */
  static String route(int round) {
    return """
        - route:
            from:
              uri: "cairn:source:datagen"
              parameters: {entity: customers, count: %d}
              steps:
                - to: "log:bench-plugin"
        """.formatted(round + 1);
  }

  /** The id of the installed plugin that contributes the {@code datagen} source, if one does. */
  static Optional<String> datagenPlugin(CairnApi api) {
    for (JsonNode p : CairnApi.expect(200, api.plugins()).json()) {
      for (JsonNode e : p.path("extensions")) {
        if (e.path("kind").asText().equals("source") && e.path("name").asText().equals("datagen")) {
          return Optional.of(p.path("id").asText());
        }
      }
    }
    return Optional.empty();
  }
}
