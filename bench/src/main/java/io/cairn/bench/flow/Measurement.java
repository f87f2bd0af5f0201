package io.cairn.bench.flow;

/**
 * One load of the file into PostgreSQL: its figure, or why it has none.
 *
 * @param seconds the time the figure is computed from (see each load for what it spans); null when failed
 * @param rowsPerSecond rows loaded (and verified in the table) per second; null when failed
 * @param wallSeconds for Cairn, the time seen by the client: deploy, run and polling until the run ended
 * @param error why there is no figure, or null
 */
public record Measurement(String name, Double seconds, Double rowsPerSecond, Double wallSeconds, String error) {
  static Measurement of(String name, long rows, double seconds, Double wallSeconds) {
    return new Measurement(name, seconds, rows / seconds, wallSeconds, null);
  }

  static Measurement failed(String name, Throwable error) {
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    return new Measurement(name, null, null, null, message);
  }

  public boolean ok() {
    return error == null;
  }
}
