package io.cairn.bench;

import io.cairn.bench.Options.Benchmark;
import io.cairn.bench.consent.ConsentBench;
import io.cairn.bench.flow.FlowBenchmark;
import io.cairn.bench.lifecycle.PluginBenchmark;
import io.cairn.bench.lifecycle.StartBenchmark;
import io.cairn.bench.server.CairnServer;
import io.cairn.bench.server.Installation;
import io.cairn.bench.server.ServerFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code bin/cairn bench}: runs the benchmarks once and prints each of Cairn's figures beside its baseline:
 * (1) flow throughput CSV to PostgreSQL against the same route on bare Camel and against {@code COPY}, (2) server
 * start to ready, first start and warm restart, (3) plugin hot-install, (4) the consent check per row with 10
 * million subjects against a plain {@code HashSet} lookup, (5) Kafka to a governed flow to Kafka against a bare
 * Kafka-clients relay. Progress goes to stderr, the report to
 * stdout and, as JSON, to {@code bench/target/bench-report.json}. Exit status: 0 when every figure was taken,
 * 1 when a benchmark failed, 2 for a bad command line, a missing build, or a server that did not start (its
 * log tail is printed).
 *
 * <p>These are end-to-end measurements of one run on whatever else the machine is doing, not statistics: run
 * them on a quiet machine and compare figures from the same run.
 */
public final class Benchmarks {
  private static final Duration SERVER_START_TIMEOUT = Duration.ofMinutes(3);

  private Benchmarks() {}

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the benchmarks the arguments select; returns the exit status. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.println(Options.USAGE);
      return 0;
    }
    Options options;
    Installation installation;
    try {
      options = Options.parse(args);
      installation = Installation.in(options.root());
    } catch (IllegalArgumentException e) {
      err.println("cairn bench: " + e.getMessage());
      err.println(Options.USAGE);
      return 2;
    } catch (IllegalStateException e) {
      err.println("cairn bench: " + e.getMessage());
      return 2;
    }
    Report report = new Report(Environment.capture(options.root()), options);
    int status;
    Path work = null;
    try {
      work = Files.createTempDirectory("cairn-bench-");
      runAll(options, installation, work, report, err);
      status = report.failures().isEmpty() ? 0 : 1;
    } catch (ServerFailedException e) {
      err.println("cairn bench: " + e.getMessage() + "; the server's last lines:");
      err.println(e.logTail());
      report.failures().add("server: " + e.getMessage());
      status = 2;
    } catch (IOException e) {
      report.failures().add("I/O: " + e.getMessage());
      status = 1;
    } finally {
      deleteQuietly(work);
    }
    out.print(report.text());
    out.flush();
    try {
      report.writeJson(options.reportFile());
      err.println("cairn bench: report written to " + options.reportFile());
    } catch (IOException e) {
      err.println("cairn bench: could not write " + options.reportFile() + ": " + e.getMessage());
      status = Math.max(status, 1);
    }
    return status;
  }

  private static void runAll(Options options, Installation installation, Path work, Report report, PrintStream err) {
    if (options.runs(Benchmark.CONSENT)) {
      try {
        report.consent(ConsentBench.run(options.subjects(), err));
      } catch (RuntimeException | OutOfMemoryError e) {
        report.failed(Benchmark.CONSENT, e);
      }
    }
    if (options.runs(Benchmark.START)) {
      report.start(new StartBenchmark(installation, err).run(work, options.starts()));
    }
    if (!options.runs(Benchmark.FLOW) && !options.runs(Benchmark.PLUGIN) && !options.runs(Benchmark.KAFKA)) {
      return;
    }
    err.println("cairn bench: starting a server for the flow and plugin benchmarks...");
    try (CairnServer server = CairnServer.start(installation, work.resolve("server-home"),
        UUID.randomUUID().toString(), SERVER_START_TIMEOUT)) {
      if (options.runs(Benchmark.FLOW)) {
        try {
          FlowBenchmark.Result flow = new FlowBenchmark(options.dbUrl(), options.dbUser(), options.dbPassword(), err)
              .run(server, work, options.rows());
          report.flow(flow);
          if (!flow.cairn().ok()) {
            err.println("cairn bench: Cairn's flow failed; the server's last lines:");
            err.println(server.logTail(30));
          }
        } catch (Exception e) {
          report.failed(Benchmark.FLOW, e);
        }
      }
      if (options.runs(Benchmark.KAFKA)) {
        try {
          report.kafka(new io.cairn.bench.kafka.KafkaBenchmark(err).run(server, work, options.events(),
              options.rate(), options.partitions(), options.consumers()));
        } catch (Exception e) {
          report.failed(Benchmark.KAFKA, e);
        }
      }
      if (options.runs(Benchmark.PLUGIN)) {
        try {
          report.plugin(new PluginBenchmark(err)
              .run(server, installation.bundledPlugin("cairn-connector-datagen-"), options.installs()));
        } catch (Exception e) {
          report.failed(Benchmark.PLUGIN, e);
          err.println("cairn bench: the plugin benchmark failed; the server's last lines:");
          err.println(server.logTail(30));
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("cairn bench: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
