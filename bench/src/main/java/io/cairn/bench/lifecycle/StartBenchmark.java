package io.cairn.bench.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.bench.server.CairnApi;
import io.cairn.bench.server.CairnServer;
import io.cairn.bench.server.Installation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark 2: server start to ready, the time from spawning the server process to its admin
 * {@code /healthcheck} answering 200 (polled every 10 ms). Each round uses a fresh {@code CAIRN_HOME}: the first
 * start creates the H2 catalog (migrations), the admin user, and installs the bundled plugins; the server is
 * then stopped and started again on the same home (a warm restart: the plugins are restored from the catalog).
 * The two are reported separately, each as the median of the rounds.
 */
public final class StartBenchmark {
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Installation installation;
  private final PrintStream progress;

  public StartBenchmark(Installation installation, PrintStream progress) {
    this.installation = installation;
    this.progress = progress;
  }

  /**
   * The figures of one run.
   *
   * @param pluginsAfterFirstStart the plugins the server listed as ENABLED after each first start, or -1 where it
   *     could not list them
   */
  public record Result(int rounds, Timings firstStart, Timings warmRestart, List<Integer> pluginsAfterFirstStart) {}

  /**
   * Starts and stops the server {@code 2 * rounds} times.
   *
   * @throws io.cairn.bench.server.ServerFailedException when a start fails
   */
  public Result run(Path work, int rounds) {
    List<Duration> first = new ArrayList<>();
    List<Duration> warm = new ArrayList<>();
    List<Integer> plugins = new ArrayList<>();
    for (int i = 1; i <= rounds; i++) {
      Path home = work.resolve("start-" + i);
      String password = UUID.randomUUID().toString();
      try (CairnServer server = CairnServer.start(installation, home, password, START_TIMEOUT)) {
        first.add(server.startToReady());
        plugins.add(enabledPlugins(server.api()));
      }
      try (CairnServer server = CairnServer.start(installation, home, password, START_TIMEOUT)) {
        warm.add(server.startToReady());
      }
      progress.printf("start: round %d/%d: first start %,d ms, warm restart %,d ms%n", i, rounds,
          first.getLast().toMillis(), warm.getLast().toMillis());
    }
    return new Result(rounds, Timings.of(first), Timings.of(warm), plugins);
  }

  static int enabledPlugins(CairnApi api) {
    CairnApi.Reply r = api.plugins();
    if (r.status() != 200) {
      return -1;
    }
    int n = 0;
    for (JsonNode p : r.json()) {
      n += "ENABLED".equals(p.path("state").asText()) ? 1 : 0;
    }
    return n;
  }
}
