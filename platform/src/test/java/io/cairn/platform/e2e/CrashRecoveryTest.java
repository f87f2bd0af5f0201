package io.cairn.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.platform.testkit.Http;
import io.cairn.platform.testkit.ServerProcess;
import io.cairn.platform.testkit.TestApp;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server in the middle of a run: at the next start the run is FAILED, and a re-run resumes
 * from the committed offset and leaves exactly one row per key in the PostgreSQL sink.
 */
class CrashRecoveryTest {
  private static final int ROWS = 400_000;
  private static String warehouse;

  @AfterAll
  static void drop() {
    if (warehouse != null) {
      LocalServices.dropPostgresDatabase(warehouse);
    }
  }

  @Test
  void killedRunIsFailedAtRestartAndReRunLeavesNoDuplicates(@TempDir Path home) throws Exception {
    warehouse = LocalServices.createPostgresDatabase("cairn_crash");
    Path csv = home.resolve("people.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id,name,email\n");
      for (int i = 1; i <= ROWS; i++) {
        w.write(i + ",Person " + i + ",p" + i + "@example.com\n");
      }
    }
    Map<String, String> env = Map.of(
        "CAIRN_ADMIN_PASSWORD", TestApp.ADMIN_PASSWORD,
        "CAIRN_BUNDLED_PLUGINS", Path.of("target", "bundled-plugins").toAbsolutePath().toString(),
        "CAIRN_BATCH_SIZE", "500");
    String flow = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", format: csv, columns: "id:LONG,name,email", subjectColumn: id}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: postgres, table: people, mode: upsert, keyColumns: id, createTable: true}
        """.formatted(csv, warehouse);

    String runId;
    try (ServerProcess first = new ServerProcess(home, env).start()) {
      Http http = new Http(first.url(), TestApp.basic("admin", TestApp.ADMIN_PASSWORD));
      assertThat(http.postJson("/api/v1/flows", Map.of("id", "people", "definition", flow)).status())
          .isEqualTo(201);
      runId = http.post("/api/v1/flows/people/run").json().get("id").asText();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      JsonNode run;
      do {
        Thread.sleep(20);
        run = http.get("/api/v1/flows/people/runs/" + runId).json().get("run");
      } while (run.get("rowsOut").asLong() < 10_000 && System.nanoTime() < deadline);
      assertThat(run.get("state").asText()).as("killed in the middle of the run").isEqualTo("RUNNING");
      first.kill();
    }
    long afterKill = count(warehouse, "select count(*) from people");
    assertThat(afterKill).isBetween(1L, (long) ROWS - 1);

    try (ServerProcess second = new ServerProcess(home, env).start()) {
      Http http = new Http(second.url(), TestApp.basic("admin", TestApp.ADMIN_PASSWORD));
      JsonNode killed = http.get("/api/v1/flows/people/runs/" + runId).json().get("run");
      assertThat(killed.get("state").asText()).isEqualTo("FAILED");
      assertThat(killed.get("error").asText()).contains("interrupted");

      String rerunId = http.post("/api/v1/flows/people/run").json().get("id").asText();
      JsonNode rerun = http.awaitRun("people", rerunId, Duration.ofSeconds(120));
      assertThat(rerun.get("state").asText()).isEqualTo("SUCCEEDED");
      assertThat(rerun.get("rowsIn").asLong()).as("the re-run resumes after the committed offset")
          .isLessThan(ROWS).isGreaterThanOrEqualTo(ROWS - afterKill);
    }
    assertThat(count(warehouse, "select count(*) from people")).isEqualTo(ROWS);
    assertThat(count(warehouse, "select count(distinct id) from people")).isEqualTo(ROWS);
    assertThat(count(warehouse, "select count(*) from people where email <> 'p' || id || '@example.com'"))
        .isZero();
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, LocalServices.PG_USER, "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
