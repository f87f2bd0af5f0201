package io.cairn.bench.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.bench.server.CairnApi;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Measurement (a): the flow on the real server, deployed and run through the REST API; the route is the YAML
 * DSL route {@code cairn:source:file -> cairn:sink:jdbc} (insert mode, 1000-row batches).
 */
final class CairnLoad {
  static final String FLOW_ID = "bench-csv-to-postgres";
  private static final Duration POLL = Duration.ofMillis(50);

  /**
   * What the run reported.
   *
   * @param runSeconds {@code endedAt - startedAt} of the run, as the catalog recorded them
   * @param wallSeconds from sending the deploy request until the client saw the run ended
   */
  record Run(String runId, double runSeconds, double wallSeconds) {}

  private CairnLoad() {}

  /**
   * Deploys the flow, runs it and waits until it ends.
   *
   * @throws IllegalStateException when the run does not succeed with every row written and none quarantined
   */
  static Run run(CairnApi api, Path csv, BenchDatabase database, long expectedRows) throws InterruptedException {
    long started = System.nanoTime();
    CairnApi.Reply deployed = api.deployFlow(FLOW_ID, route(csv, database));
    if (deployed.status() != 201 && deployed.status() != 200) {
      throw new IllegalStateException("the flow was not deployed: HTTP " + deployed.status() + " " + deployed.body());
    }
    String runId = api.runFlow(FLOW_ID);
    long deadline = started + Duration.ofSeconds(Math.max(600, expectedRows / 1000)).toNanos();
    JsonNode run;
    do {
      Thread.sleep(POLL);
      run = api.run(FLOW_ID, runId).path("run");
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the run did not end in time; last seen: " + run);
      }
    } while (run.path("state").asText().equals("RUNNING"));
    double wall = (System.nanoTime() - started) / 1e9;
    if (!run.path("state").asText().equals("SUCCEEDED") || run.path("rowsOut").asLong() != expectedRows
        || run.path("rowsQuarantined").asLong() != 0) {
      throw new IllegalStateException("the run ended " + run.path("state").asText() + " with rowsIn "
          + run.path("rowsIn").asLong() + ", rowsOut " + run.path("rowsOut").asLong() + ", rowsQuarantined "
          + run.path("rowsQuarantined").asLong() + " (expected " + expectedRows + " out, none quarantined); error: "
          + run.path("error").asText(""));
    }
    Duration took = Duration.between(instant(run.path("startedAt")), instant(run.path("endedAt")));
    return new Run(runId, took.toNanos() / 1e9, wall);
  }

  static String route(Path csv, BenchDatabase database) {
    String password = database.password() == null ? "" : ", password: " + quoted(database.password());
    return """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: %s, format: csv, header: true, columns: %s}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: %s, user: %s%s, table: %s, mode: insert, createTable: true, batchSize: 1000}
        """.formatted(quoted(csv.toAbsolutePath().toString()), quoted(CustomerCsv.DECLARED_COLUMNS),
        quoted(database.url()), quoted(database.user()), password, CustomerCsv.TABLE);
  }

  /** A timestamp as Jackson writes it: ISO-8601 text, or (Dropwizard's default) decimal epoch seconds. */
  static Instant instant(JsonNode node) {
    if (node.isNumber()) {
      BigDecimal seconds = node.decimalValue();
      return Instant.ofEpochSecond(seconds.longValue(),
          seconds.subtract(new BigDecimal(seconds.toBigInteger())).movePointRight(9).longValue());
    }
    if (node.isTextual()) {
      return OffsetDateTime.parse(node.asText()).toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + node);
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
