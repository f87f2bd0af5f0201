package io.cairn.bench.flow;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Baseline (c): PostgreSQL's own bulk load, {@code COPY ... FROM STDIN (FORMAT csv, HEADER)} of the same file
 * through the JDBC driver's {@code CopyManager} (one statement, one transaction). Timed from opening the
 * connection until the copy returned.
 */
final class CopyLoad {
  private CopyLoad() {}

  /** Loads the file and returns the seconds it took. */
  static double run(Path csv, BenchDatabase database, long expectedRows) throws Exception {
    String columns = CustomerCsv.COLUMNS.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
    long started = System.nanoTime();
    long rows;
    try (Connection c = database.connect(false); InputStream in = Files.newInputStream(csv)) {
      rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
          "COPY " + CustomerCsv.TABLE + " (" + columns + ") FROM STDIN (FORMAT csv, HEADER)", in, 1 << 16);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (rows != expectedRows) {
      throw new IllegalStateException("COPY loaded " + rows + " rows, the file has " + expectedRows);
    }
    return seconds;
  }
}
