package io.cairn.bench;

import io.cairn.bench.server.Installation;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@link Benchmarks}.
 *
 * @param rows rows in the flow benchmark's CSV file
 * @param only the benchmarks to run
 * @param starts fresh homes in the start benchmark (each started twice: first start, warm restart)
 * @param installs plugin installs in the hot-install benchmark
 * @param subjects subjects indexed in the consent benchmark
 * @param dbUrl the PostgreSQL database written to (created when missing)
 * @param dbUser its user
 * @param dbPassword its password, or null
 * @param root the Cairn source tree holding {@code platform/target}
 * @param reportFile where the JSON report is written
 * @param events events in the Kafka benchmark's backlog
 * @param rate events per second in the Kafka benchmark's latency phase
 * @param partitions partitions of the Kafka benchmark's topics
 * @param consumers consumers of the Kafka benchmark's relays (Cairn's source {@code consumers}, the bare relay's
 *     threads)
 */
public record Options(
    long rows, Set<Benchmark> only, int starts, int installs, int subjects,
    String dbUrl, String dbUser, String dbPassword,
    Path root, Path reportFile, long events, int rate, int partitions, int consumers) {

  /** The benchmarks that {@code --only} selects. */
  public enum Benchmark { FLOW, START, PLUGIN, CONSENT, KAFKA }

  static final String USAGE = """
      usage: bin/cairn bench [options]
        --rows N           rows in the CSV of the flow benchmark (default 1,000,000)
        --only NAME        run one benchmark: flow, start, plugin, consent or kafka (may be repeated; default all)
        --starts N         fresh homes in the start benchmark, each started twice (default 3)
        --installs N       plugin installs in the hot-install benchmark (default 5)
        --subjects N       subjects indexed in the consent benchmark (default 10,000,000)
        --events N         events in the Kafka benchmark's backlog (default 1,000,000)
        --rate N           events/s in the Kafka benchmark's latency phase (default 20,000)
        --partitions N     partitions of the Kafka benchmark's topics (default 1)
        --consumers N      consumers of each Kafka relay, at most 32 (default: as many as partitions)
        --db-url URL       PostgreSQL database for the flow benchmark, created when missing
                           (default jdbc:postgresql://127.0.0.1:5432/cairn_bench)
        --db-user USER     (default postgres)   --db-password PASSWORD   (default none)
        --root DIR         the Cairn source tree with platform/target built (default: found from here)
        --report FILE      the JSON report (default <root>/bench/target/bench-report.json)""";

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static Options parse(String... args) {
    long rows = 1_000_000;
    Set<Benchmark> only = EnumSet.noneOf(Benchmark.class);
    int starts = 3;
    int installs = 5;
    int subjects = 10_000_000;
    String dbUrl = "jdbc:postgresql://127.0.0.1:5432/cairn_bench";
    String dbUser = "postgres";
    String dbPassword = null;
    Path root = null;
    Path report = null;
    long events = 1_000_000;
    int rate = 20_000;
    int partitions = 1;
    Integer consumers = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      boolean inline = arg.startsWith("--") && eq > 0;
      String name = inline ? arg.substring(0, eq) : arg;
      String value = inline ? arg.substring(eq + 1) : i + 1 < args.length ? args[i + 1] : null;
      switch (name) {
        case "--rows" -> rows = positive(name, value);
        case "--only" -> only.add(benchmark(value));
        case "--starts" -> starts = (int) Math.min(positive(name, value), 100);
        case "--installs" -> installs = (int) Math.min(positive(name, value), 100);
        case "--subjects" -> subjects = (int) Math.min(positive(name, value), 100_000_000);
        case "--db-url" -> dbUrl = required(name, value);
        case "--db-user" -> dbUser = required(name, value);
        case "--db-password" -> dbPassword = required(name, value);
        case "--events" -> events = positive(name, value);
        case "--rate" -> rate = (int) Math.min(positive(name, value), 1_000_000);
        case "--partitions" -> partitions = (int) Math.min(positive(name, value), 1000);
        case "--consumers" -> consumers = (int) Math.min(positive(name, value), 32);
        case "--root" -> root = Path.of(required(name, value));
        case "--report" -> report = Path.of(required(name, value));
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
      if (!inline) {
        i++;
      }
    }
    if (!dbUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--db-url must be a jdbc:postgresql: URL");
    }
    Path tree = root == null ? Installation.findRoot() : root.toAbsolutePath().normalize();
    return new Options(rows, only.isEmpty() ? EnumSet.allOf(Benchmark.class) : only, starts, installs, subjects, dbUrl,
        dbUser, dbPassword, tree, report == null ? tree.resolve("bench/target/bench-report.json") : report, events,
        rate, partitions, consumers == null ? Math.min(partitions, 32) : consumers);
  }

  /** Whether a benchmark is selected. */
  public boolean runs(Benchmark b) {
    return only.contains(b);
  }

  private static Benchmark benchmark(String value) {
    try {
      return Benchmark.valueOf(required("--only", value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--only takes flow, start, plugin, consent or kafka, not '" + value + "'");
    }
  }

  private static long positive(String name, String value) {
    try {
      long n = Long.parseLong(required(name, value).replace(",", "").replace("_", ""));
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " takes a positive number, not '" + value + "'");
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank() || value.startsWith("--")) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return value;
  }
}
