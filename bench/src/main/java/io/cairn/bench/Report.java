package io.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.bench.consent.ConsentBench;
import io.cairn.bench.flow.FlowBenchmark;
import io.cairn.bench.flow.Measurement;
import io.cairn.bench.lifecycle.PluginBenchmark;
import io.cairn.bench.lifecycle.StartBenchmark;
import io.cairn.bench.lifecycle.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results of one run, rendered as the text printed to stdout and as JSON. Filled in by {@link Benchmarks}
 * from one thread; a benchmark that failed has no result and a line in {@link #failures()}.
 */
final class Report {
  private final Environment environment;
  private final Options options;
  private FlowBenchmark.Result flow;
  private StartBenchmark.Result start;
  private PluginBenchmark.Result plugin;
  private io.cairn.bench.kafka.KafkaBenchmark.Result kafka;
  private ConsentBench.Result consent;
  private final List<String> failures = new ArrayList<>();

  Report(Environment environment, Options options) {
    this.environment = environment;
    this.options = options;
  }

  void flow(FlowBenchmark.Result result) {
    flow = result;
    for (Measurement m : List.of(result.cairn(), result.bareCamel(), result.copy())) {
      if (!m.ok()) {
        failures.add("flow, " + m.name() + ": " + m.error());
      }
    }
  }

  void start(StartBenchmark.Result result) {
    start = result;
  }

  void plugin(PluginBenchmark.Result result) {
    plugin = result;
  }

  void kafka(io.cairn.bench.kafka.KafkaBenchmark.Result result) {
    kafka = result;
    if (!result.cairn().ok()) {
      failures.add("kafka, Cairn: " + result.cairn().error());
    }
    if (!result.bare().ok()) {
      failures.add("kafka, bare relay: " + result.bare().error());
    }
  }

  void consent(ConsentBench.Result result) {
    consent = result;
  }

  void failed(Options.Benchmark benchmark, Throwable error) {
    failures.add(benchmark.name().toLowerCase(Locale.ROOT) + ": "
        + (error.getMessage() == null ? error.toString() : error.getMessage()));
  }

  List<String> failures() {
    return failures;
  }

  String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Cairn benchmarks, ").append(environment.takenAt()).append("\n  commit ").append(environment.commit())
        .append(" | JDK ").append(environment.java()).append(" | ").append(environment.os()).append(" | ")
        .append(environment.cores()).append(" cores | load average ")
        .append(String.format(Locale.ROOT, "%.2f", environment.loadAverage())).append(" at start\n");
    if (options.runs(Options.Benchmark.FLOW)) {
      flowText(sb);
    }
    if (options.runs(Options.Benchmark.START)) {
      startText(sb);
    }
    if (options.runs(Options.Benchmark.PLUGIN)) {
      pluginText(sb);
    }
    if (options.runs(Options.Benchmark.CONSENT)) {
      consentText(sb);
    }
    if (options.runs(Options.Benchmark.KAFKA)) {
      kafkaText(sb);
    }
    if (!failures.isEmpty()) {
      sb.append("\nFAILED\n");
      failures.forEach(f -> sb.append("  - ").append(f).append('\n'));
    }
    return sb.toString();
  }

  private void flowText(StringBuilder sb) {
    sb.append("\n1. Flow throughput: CSV file -> PostgreSQL table");
    if (flow == null) {
      sb.append("\n   no result (see FAILED below)\n");
      return;
    }
    sb.append(String.format(Locale.ROOT, ", %,d rows (%.1f MB), batches of %d, PostgreSQL %s%n", flow.rows(),
        flow.csvBytes() / 1e6, flow.batchSize(), flow.postgres().split(" ")[0]));
    sb.append(String.format(Locale.ROOT, "   %-50s %12s %10s%n", "", "rows/s", "seconds"));
    line(sb, "(a) Cairn: flow run via REST (endedAt-startedAt)", flow.cairn());
    line(sb, "(b) same route on bare Camel, no Cairn", flow.bareCamel());
    line(sb, "(c) PostgreSQL COPY FROM STDIN (csv)", flow.copy());
    if (flow.cairn().ok()) {
      sb.append(String.format(Locale.ROOT, "   Cairn wall time incl. REST deploy, run and polling: %.2f s%n",
          flow.cairn().wallSeconds()));
    }
    sb.append("   rows/s ratios: Cairn / bare Camel = ").append(ratio(flow.cairnVsBareCamel()))
        .append("    Cairn / COPY = ").append(ratio(flow.cairnVsCopy())).append('\n');
    sb.append("   (each load verified in the table: count, distinct ids, sum of ids and amounts)\n");
  }

  private static void line(StringBuilder sb, String label, Measurement m) {
    if (m.ok()) {
      sb.append(String.format(Locale.ROOT, "   %-50s %,12.0f %10.2f%n", label, m.rowsPerSecond(), m.seconds()));
    } else {
      sb.append(String.format(Locale.ROOT, "   %-50s %12s  %s%n", label, "FAILED", m.error()));
    }
  }

  private void startText(StringBuilder sb) {
    sb.append("\n2. Server start to ready: spawn -> /healthcheck 200");
    if (start == null) {
      sb.append("\n   no result (see FAILED below)\n");
      return;
    }
    sb.append(String.format(Locale.ROOT, ", median of %d (fresh CAIRN_HOME each)%n", start.rounds()));
    String plugins = start.pluginsAfterFirstStart().stream().map(n -> n < 0 ? "?" : n.toString()).distinct()
        .collect(Collectors.joining("/"));
    timing(sb, "first start (H2 migration, admin, " + plugins + " bundled plugins)", start.firstStart());
    timing(sb, "warm restart (same home, plugins restored)", start.warmRestart());
  }

  private void kafkaText(StringBuilder sb) {
    sb.append("\n5. Kafka -> governed flow -> Kafka (one embedded broker");
    if (kafka == null) {
      sb.append(")\n   no result (see FAILED below)\n");
      return;
    }
    sb.append(String.format(Locale.ROOT, ", %d partition%s, %d consumer%s)", kafka.partitions(),
        kafka.partitions() == 1 ? "" : "s", kafka.consumers(), kafka.consumers() == 1 ? "" : "s"));
    sb.append(String.format(Locale.ROOT, ", backlog of %,d events; latency at %,d events/s%n", kafka.events(),
        kafka.steadyRate()));
    sb.append(String.format(Locale.ROOT, "   %-50s %12s %9s %9s %9s %12s%n", "", "events/s", "p50 ms", "p99 ms",
        "start s", "CPU µs/event"));
    kafkaLine(sb, "(a) Cairn: kafka source -> kafka sink, governed", kafka.cairn());
    kafkaLine(sb, "(b) bare relay: Kafka clients, parse, produce, commit", kafka.bare());
    sb.append("   events/s ratio: Cairn / bare relay = ").append(ratio(kafka.ratio())).append('\n');
    sb.append("   CPU per event ratio: Cairn / bare relay = ").append(ratio(kafka.cpuRatio())).append('\n');
    sb.append("   (events/s from the first output event to the last; start s: from starting the relay to the first "
        + "output event;\n    every event counted once at the output by id: no loss, no duplicate)\n");
  }

  private static void kafkaLine(StringBuilder sb, String label, io.cairn.bench.kafka.KafkaBenchmark.Figures f) {
    if (f.ok()) {
      sb.append(String.format(Locale.ROOT, "   %-50s %,12.0f %9.1f %9.1f %9.2f %12.2f%n", label, f.eventsPerSecond(),
          f.p50Millis(), f.p99Millis(), f.startSeconds(), f.cpuMicrosPerEvent()));
    } else {
      sb.append(String.format(Locale.ROOT, "   %-50s %12s  %s%n", label, "FAILED", f.error()));
    }
  }

  private void pluginText(StringBuilder sb) {
    sb.append("\n3. Plugin hot-install on a running server");
    if (plugin == null) {
      sb.append("\n   no result (see FAILED below)\n");
      return;
    }
    sb.append(String.format(Locale.ROOT, ": %s (%s, %.1f MB), median of %d%n", plugin.pluginId(), plugin.zip(),
        plugin.zipBytes() / 1e6, plugin.rounds()));
    timing(sb, "upload -> 201 Created", plugin.untilCreated());
    timing(sb, "upload -> a flow using it deployed", plugin.untilDeployable());
  }

  private void consentText(StringBuilder sb) {
    sb.append("\n4. Consent check per row (in-memory gate, one purpose, CPU time)");
    if (consent == null) {
      sb.append("\n   no result (see FAILED below)\n");
      return;
    }
    sb.append(String.format(Locale.ROOT, ", %,d subjects, %,d fresh row ids, best of 7%n", consent.subjects(),
        consent.rows()));
    sb.append(String.format(Locale.ROOT, "   %-50s %9.1f ns/row%n", "(a) Cairn consent gate, batches of 1,000",
        consent.consentNsPerRow()));
    sb.append(String.format(Locale.ROOT, "   %-50s %9.1f ns/row%n", "    the same, one check call per row",
        consent.singleNsPerRow()));
    sb.append(String.format(Locale.ROOT, "   %-50s %9.1f ns/row%n", "(b) HashSet<String>.contains of consenting ids",
        consent.hashSetNsPerRow()));
    sb.append(String.format(Locale.ROOT,
        "   ratio Cairn / HashSet = %.2f    goal < %.0f ns/row: %s    (index built in %.1f s)%n", consent.ratio(),
        consent.goalNs(), consent.meetsGoal() ? "met" : "missed", consent.buildSeconds()));
  }

  private static void timing(StringBuilder sb, String label, Timings t) {
    sb.append(String.format(Locale.ROOT, "   %-52s %,9.0f ms   (%s)%n", label, t.medianMillis(),
        t.millis().stream().map(ms -> String.format(Locale.ROOT, "%,.0f", ms)).collect(Collectors.joining(", "))));
  }

  private static String ratio(Double r) {
    return r == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
  }

  void writeJson(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("environment", environment);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("rows", options.rows());
    settings.put("only", options.only());
    settings.put("starts", options.starts());
    settings.put("installs", options.installs());
    settings.put("events", options.events());
    settings.put("rate", options.rate());
    settings.put("subjects", options.subjects());
    json.put("options", settings);
    json.put("flow", flow);
    json.put("start", start);
    json.put("plugin", plugin);
    json.put("kafka", kafka);
    json.put("consent", consent);
    json.put("failures", failures);
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }
}
