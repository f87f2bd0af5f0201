package io.cairn.bench.flow;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Baseline (b): the same route on a bare {@link DefaultCamelContext} in this JVM, without Cairn. The route is
 * {@code from("csvbatch:<file>?batchSize=1000").process(jdbcBatchWriter)}: {@link CsvBatchConsumer} parses the
 * file with commons-csv (Cairn's file connector's settings) into batches of 1000 typed rows on its own thread and
 * sends each through the route synchronously; {@link JdbcBatchWriter} inserts each batch as one JDBC batch with
 * {@code reWriteBatchedInserts=true} and commits it. That is the work Cairn's route does minus Cairn itself:
 * plugin class loading and the SPI's batch/row/provenance objects, the quarantine's raw-record tracking, the
 * governance hook, offset commits and run checkpoints in the catalog, and the REST/run bookkeeping.
 *
 * <p>Timed like Cairn's run (from {@code startedAt} to {@code endedAt}): from starting the route (the context is
 * already started, as Cairn's is) until the file is read, the last batch committed, the route stopped and the
 * connection closed.
 */
final class BareCamelLoad {
  private static final String ROUTE = "bare-csv-to-jdbc";

  private BareCamelLoad() {}

  /** Loads the file and returns the seconds it took. */
  static double run(Path csv, BenchDatabase database, int batchSize, long expectedRows) throws Exception {
    CsvBatchComponent source = new CsvBatchComponent();
    JdbcBatchWriter writer = new JdbcBatchWriter(database);
    try (DefaultCamelContext camel = new DefaultCamelContext()) {
      camel.getCamelContextExtension().setName("bench-baseline");
      camel.setMessageHistory(false);
      camel.addComponent("csvbatch", source);
      camel.addRoutes(new RouteBuilder() {
        @Override
        public void configure() {
          from("csvbatch:" + csv.toAbsolutePath() + "?batchSize=" + batchSize).routeId(ROUTE).autoStartup(false)
              .process(writer);
        }
      });
      camel.start();
      long started = System.nanoTime();
      camel.getRouteController().startRoute(ROUTE);
      long rows = source.done().get(Math.max(600, expectedRows / 1000), TimeUnit.SECONDS);
      camel.getRouteController().stopRoute(ROUTE);
      writer.close();
      double seconds = (System.nanoTime() - started) / 1e9;
      if (rows != expectedRows) {
        throw new IllegalStateException("the route sent " + rows + " rows, the file has " + expectedRows);
      }
      return seconds;
    } finally {
      writer.close();
    }
  }
}
