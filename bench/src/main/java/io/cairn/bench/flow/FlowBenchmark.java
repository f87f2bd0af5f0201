package io.cairn.bench.flow;

import io.cairn.bench.server.CairnServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Benchmark 1: CSV to PostgreSQL. One generated file is loaded three times into a freshly created table, and the
 * table is checked after each load (row count, distinct ids, sum of ids and of amounts), so a load that lost or
 * doubled rows reports an error instead of a figure: (a) Cairn's flow on the real server ({@link CairnLoad}),
 * (b) the same route on bare Camel in this JVM ({@link BareCamelLoad}), (c) PostgreSQL {@code COPY}
 * ({@link CopyLoad}).
 */
public final class FlowBenchmark {
  static final int BATCH_SIZE = 1000;
  private static final long SEED = 20_240_501L;

  private final BenchDatabase database;
  private final PrintStream progress;

  /**
   * @param progress where one line per step is printed while it runs
   */
  public FlowBenchmark(String dbUrl, String dbUser, String dbPassword, PrintStream progress) {
    this.database = new BenchDatabase(dbUrl, dbUser, dbPassword);
    this.progress = progress;
  }

  /**
   * The figures of one run.
   *
   * @param csvBytes the size of the generated file
   * @param cairnVsBareCamel Cairn's rows/s divided by bare Camel's, or null when either failed
   * @param cairnVsCopy Cairn's rows/s divided by COPY's, or null when either failed
   */
  public record Result(long rows, long csvBytes, int batchSize, String postgres, Measurement cairn,
      Measurement bareCamel, Measurement copy, Double cairnVsBareCamel, Double cairnVsCopy) {

    public boolean ok() {
      return cairn.ok() && bareCamel.ok() && copy.ok();
    }
  }

  /** PostgreSQL's version; creates the database when missing. */
  public String prepare() throws SQLException {
    database.ensureExists();
    return database.serverVersion();
  }

  /**
   * Generates the file into {@code work} and runs the three loads.
   *
   * @param server a running server with the file and jdbc connectors installed
   */
  public Result run(CairnServer server, Path work, long rows) throws Exception {
    String postgres = prepare();
    progress.printf("flow: writing %,d rows of CSV...%n", rows);
    CustomerCsv.Written csv = CustomerCsv.write(work.resolve("customers.csv"), rows, SEED);
    progress.printf("flow: (a) Cairn: deploy and run the flow on the server...%n");
    Measurement cairn = measure("Cairn", csv, () -> {
      CairnLoad.Run run = CairnLoad.run(server.api(), csv.file(), database, rows);
      return Measurement.of("Cairn", rows, run.runSeconds(), run.wallSeconds());
    });
    progress.printf("flow: (b) the same route on bare Camel...%n");
    Measurement bare = measure("bare Camel", csv, () -> Measurement.of("bare Camel", rows,
        BareCamelLoad.run(csv.file(), database, BATCH_SIZE, rows), null));
    progress.printf("flow: (c) PostgreSQL COPY...%n");
    Measurement copy = measure("PostgreSQL COPY", csv, () -> Measurement.of("PostgreSQL COPY", rows,
        CopyLoad.run(csv.file(), database, rows), null));
    database.dropTable();
    return new Result(rows, csv.bytes(), BATCH_SIZE, postgres, cairn, bare, copy, ratio(cairn, bare),
        ratio(cairn, copy));
  }

  private Measurement measure(String name, CustomerCsv.Written csv, Load load) throws SQLException {
    database.recreateTable();
    try {
      Measurement m = load.run();
      database.verify(csv);
      return m;
    } catch (Exception e) {
      return Measurement.failed(name, e);
    }
  }

  private static Double ratio(Measurement a, Measurement b) {
    return a.ok() && b.ok() ? a.rowsPerSecond() / b.rowsPerSecond() : null;
  }

  @FunctionalInterface
  private interface Load {
    Measurement run() throws Exception;
  }
}
