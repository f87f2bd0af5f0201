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
 * JSON. Each load thread has its own write key, so the per-key rate limit (100,000 events/s by default) does not
 * cap the total. Goals: at least 50,000 events/s and at least 0.5 of the bare endpoint. Nothing consumes the
 * server's write-ahead log here, so a run may store at most its bound (1 GB): at 100,000 events/s of about 350
 * bytes that is about 30 s, hence the short default run (a 503 counts as an error and fails the run).
 *
 * <p>Run after {@code mvn -pl bench -am package -DskipTests}: {@code java -cp "bench/target/cairn-bench-*.jar:
 * bench/target/lib/*" io.cairn.bench.collector.CollectorBench [--seconds 10] [--warmup 3] [--concurrency 32]
 * [--root DIR]}. Prints the table and writes {@code bench/target/collector-bench.json}. Exit status 0 when both
 * figures were taken without errors (whether or not the goals were met: the figures are the point).
 */
public final class CollectorBench {
  private CollectorBench() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(System.out, System.err, args));
  }

  static int run(PrintStream out, PrintStream err, String... args) throws Exception {
    int seconds = 10;
    int warmup = 3;
    int concurrency = 32;
    Path root = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
        case "--root" -> root = Path.of(args[i + 1]);
        default -> {
          err.println("unknown option " + args[i]);
          return 2;
        }
      }
    }
    Installation installation = Installation.in(root != null ? root : Installation.findRoot());
    LoadGenerator load = new LoadGenerator(concurrency, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
    Path home = Files.createTempDirectory("cairn-collector-bench-");
    LoadGenerator.Result bare;
    LoadGenerator.Result cairn;
    err.println("collector bench: bare Jetty endpoint...");
    try (BareJsonEndpoint endpoint = BareJsonEndpoint.start()) {
      List<String> none = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        none.add("bare");
      }
      bare = load.run("bare Jetty endpoint (parse JSON only)", endpoint.url(), none);
    }
    err.println("collector bench: starting Cairn...");
    try (CairnServer server = CairnServer.start(installation, home, UUID.randomUUID().toString(),
        Duration.ofMinutes(3))) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        keys.add(server.api().createWriteKey("bench-" + i));
      }
      err.println("collector bench: Cairn's /v1/batch...");
      cairn = load.run("Cairn collector (/v1/batch, write-ahead log)", server.api().base().toString(), keys);
    }
    double ratio = cairn.eventsPerSecond() / bare.eventsPerSecond();
    out.printf(Locale.ROOT, "Collector: Segment batches of %d events, concurrency %d, %d s measured after %d s warm-up%n",
        LoadGenerator.EVENTS_PER_BATCH, concurrency, seconds, warmup);
    for (LoadGenerator.Result r : List.of(cairn, bare)) {
      out.printf(Locale.ROOT, "  %-48s %,10.0f events/s   p50 %7.2f ms   p99 %7.2f ms   (%d requests, %d errors)%n",
          r.name(), r.eventsPerSecond(), r.p50Millis(), r.p99Millis(), r.requests(), r.errors());
      if (r.firstError() != null) {
        out.println("    first error: " + r.firstError());
      }
    }
    out.printf(Locale.ROOT, "  Cairn / bare = %.2f   (goals: >= 50,000 events/s: %s; >= 0.5 of bare: %s)%n", ratio,
        cairn.eventsPerSecond() >= 50_000 ? "met" : "NOT met", ratio >= 0.5 ? "met" : "NOT met");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("concurrency", concurrency);
    report.put("eventsPerBatch", LoadGenerator.EVENTS_PER_BATCH);
    report.put("seconds", seconds);
    report.put("cairn", cairn);
    report.put("bare", bare);
    report.put("ratio", ratio);
    Path file = installation.root().resolve("bench").resolve("target").resolve("collector-bench.json");
    Files.createDirectories(file.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    err.println("collector bench: report written to " + file);
    return cairn.errors() == 0 && bare.errors() == 0 && cairn.requests() > 0 ? 0 : 1;
  }
}
