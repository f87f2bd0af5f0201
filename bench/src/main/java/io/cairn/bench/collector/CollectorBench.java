package io.cairn.bench.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.bench.server.CairnServer;
import io.cairn.bench.server.Installation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The collector benchmark: events per second, with p50/p99 request latency, of Segment batches of 100 events
 * posted at concurrency 32 to a running Cairn's {@code /v1/batch} (each event validated, stamped and forced into
 * the write-ahead log before the 200), beside a bare Jetty endpoint in the same run that only parses the same
 * JSON. Both servers run for the whole run; after a warm-up each, they are measured in alternating rounds (bare,
 * Cairn, bare, ...) so that the load other programs put on the machine falls on both alike. Each load thread has
 * its own write key, so the per-key rate limit (100,000 events/s by default) does not cap the total. Goals: at
 * least 50,000 events/s and at least 0.5 of the bare endpoint. Nothing consumes the server's write-ahead log here,
 * so the server runs with a 32 GB bound ({@code CAIRN_COLLECTOR_WAL_MAX_BYTES}; less when the disk has less free)
 * and its home is deleted at the end (a 503 counts as an error and fails the run).
 *
 * <p>Run after {@code mvn -pl bench -am package -DskipTests}: {@code java -cp "bench/target/cairn-bench-*.jar:
 * bench/target/lib/*" io.cairn.bench.collector.CollectorBench [--seconds 10] [--warmup 10] [--concurrency 32]
 * [--rounds 5] [--root DIR]}. Prints the table and writes {@code bench/target/collector-bench.json}. Exit status 0 when both
 * figures were taken without errors (whether or not the goals were met: the figures are the point).
 */
public final class CollectorBench {
  /**
   * The most the server's write-ahead log may take in the run (nothing drains it here): at about 700,000 events/s
   * of about 510 bytes, the 20 s of warm-up and rounds write about 7 GB.
   */
  private static final long WAL_BYTES = 32L << 30;
  /** Disk space left to the rest of the machine when the log's bound is cut to the free space. */
  private static final long SPARE_BYTES = 2L << 30;

  private CollectorBench() {}

  private static long cpuNanos(ProcessHandle p) {
    return p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(System.out, System.err, args));
  }

  static int run(PrintStream out, PrintStream err, String... args) throws Exception {
    int seconds = 10;
    int warmup = 10; // a whole server's JIT is still compiling the request path after 3 s
    int concurrency = 32;
    int rounds = 5;
    Path root = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--root" -> root = Path.of(args[i + 1]);
        default -> {
          err.println("unknown option " + args[i]);
          return 2;
        }
      }
    }
    Installation installation = Installation.in(root != null ? root : Installation.findRoot());
    Path home = Files.createTempDirectory("cairn-collector-bench-");
    long walBytes = Math.min(WAL_BYTES, Files.getFileStore(home).getUsableSpace() - SPARE_BYTES);
    if (walBytes < 8L << 30) {
      err.printf(Locale.ROOT, "collector bench: only %.1f GB free for the write-ahead log in %s; a fast run may fill it "
          + "(its requests then fail with 503)%n", walBytes / 1e9, home);
    }
    LoadGenerator.Result bare;
    LoadGenerator.Result cairn;
    double barePerRequest;
    double cairnPerRequest;
    double idleCpuShare;
    err.println("collector bench: starting the bare Jetty endpoint and Cairn...");
    try (BareJsonEndpoint endpoint = BareJsonEndpoint.start();
        CairnServer server = CairnServer.start(installation, home, UUID.randomUUID().toString(),
            Duration.ofMinutes(3), Map.of("CAIRN_COLLECTOR_WAL_MAX_BYTES", Long.toString(Math.max(walBytes, 1L << 30))))) {
      List<String> none = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        none.add("bare");
        keys.add(server.api().createWriteKey("bench-" + i));
      }
      // each target is warmed up once, then measured in alternating rounds, so that the load other programs put
      // on the machine falls on both alike
      Duration round = Duration.ofMillis(seconds * 1000L / rounds);
      LoadGenerator warm = new LoadGenerator(concurrency, Duration.ofSeconds(warmup), Duration.ZERO);
      LoadGenerator load = new LoadGenerator(concurrency, Duration.ofMillis(500), round);
      warm.run(endpoint.url(), none);
      warm.run(server.api().base().toString(), keys);
      List<LoadGenerator.Period> bareRounds = new ArrayList<>();
      long selfInBare = 0;
      long selfInCairn = 0;
      long serverInCairn = 0;
      long serverIdle = 0;
      long bareWall = 0;
      List<LoadGenerator.Period> cairnRounds = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        err.println("collector bench: round " + (r + 1) + " of " + rounds);
        long self0 = cpuNanos(ProcessHandle.current());
        long server0 = cpuNanos(server.process());
        long wall0 = System.nanoTime();
        bareRounds.add(load.run(endpoint.url(), none));
        bareWall += System.nanoTime() - wall0;
        long self1 = cpuNanos(ProcessHandle.current());
        long server1 = cpuNanos(server.process());
        serverIdle += server1 - server0;
        cairnRounds.add(load.run(server.api().base().toString(), keys));
        selfInBare += self1 - self0;
        selfInCairn += cpuNanos(ProcessHandle.current()) - self1;
        serverInCairn += cpuNanos(server.process()) - server1;
      }
      bare = LoadGenerator.combine("bare Jetty endpoint (parse JSON only)", bareRounds);
      cairn = LoadGenerator.combine("Cairn collector (/v1/batch, write-ahead log)", cairnRounds);
      // CPU per request: the load generator's share is what this process spent in Cairn's rounds; the bare
      // endpoint's is the rest of what this process spent in its rounds; Cairn's is its whole server process
      double loadPerRequest = selfInCairn / (double) cairn.requests();
      barePerRequest = selfInBare / (double) bare.requests() - loadPerRequest;
      cairnPerRequest = serverInCairn / (double) cairn.requests();
      idleCpuShare = serverIdle / (double) bareWall;
    } finally {
      deleteTree(home);
    }
    double ratio = cairn.eventsPerSecond() / bare.eventsPerSecond();
    out.printf(Locale.ROOT, "Collector: Segment batches of %d events, concurrency %d, %d s measured each (%d alternating "
        + "rounds) after %d s warm-up%n", LoadGenerator.EVENTS_PER_BATCH, concurrency, seconds, rounds, warmup);
    for (LoadGenerator.Result r : List.of(cairn, bare)) {
      out.printf(Locale.ROOT, "  %-48s %,10.0f events/s   p50 %7.2f ms   p99 %7.2f ms   (%d requests, %d errors)%n",
          r.name(), r.eventsPerSecond(), r.p50Millis(), r.p99Millis(), r.requests(), r.errors());
      if (r.firstError() != null) {
        out.println("    first error: " + r.firstError());
      }
    }
    out.printf(Locale.ROOT, "  server CPU per 1,000 events: Cairn %.2f ms (whole server process), bare %.2f ms (its share of"
        + " the benchmark process); bare / Cairn = %.2f%n", cairnPerRequest / 1e6 * 10, barePerRequest / 1e6 * 10,
        barePerRequest / cairnPerRequest);
    out.printf(Locale.ROOT, "  (Cairn's server process idle, during the bare rounds: %.1f%% of a core)%n",
        idleCpuShare * 100);
    out.printf(Locale.ROOT, "  Cairn / bare = %.2f   (goals: >= 50,000 events/s: %s; >= 0.5 of bare: %s)%n", ratio,
        cairn.eventsPerSecond() >= 50_000 ? "met" : "NOT met", ratio >= 0.5 ? "met" : "NOT met");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("concurrency", concurrency);
    report.put("eventsPerBatch", LoadGenerator.EVENTS_PER_BATCH);
    report.put("seconds", seconds);
    report.put("rounds", rounds);
    report.put("cairn", cairn);
    report.put("bare", bare);
    report.put("ratio", ratio);
    report.put("cairnCpuMillisPer1000Events", cairnPerRequest / 1e6 * 10);
    report.put("bareCpuMillisPer1000Events", barePerRequest / 1e6 * 10);
    report.put("cairnIdleCpuShareOfACore", idleCpuShare);
    Path file = installation.root().resolve("bench").resolve("target").resolve("collector-bench.json");
    Files.createDirectories(file.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    err.println("collector bench: report written to " + file);
    return cairn.errors() == 0 && bare.errors() == 0 && cairn.requests() > 0 ? 0 : 1;
  }
}
