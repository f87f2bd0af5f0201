package io.cairn.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.testkit.ConnectorsApp;
import io.cairn.platform.testkit.Http;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Parquet plugin installed by an admin into the running server, then two governed flows: CSV into a lake
 * partitioned by day, and the lake into PostgreSQL. The lake folder links the two flows in lineage.
 */
class LakeFlowTest {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String TABLE = "lake_orders_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private static final int N = 240;

  @AfterAll
  static void dropTable() throws Exception {
    try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
    }
  }

  private static Path pluginZip() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("../connectors/parquet/target"))) {
      return files.filter(f -> f.getFileName().toString().endsWith("-plugin.zip")).findFirst()
          .orElseThrow(() -> new AssertionError("build connectors/parquet first (mvn -pl platform -am)"));
    }
  }

  private static JsonNode run(Http http, String flow) throws Exception {
    Http.Answer started = http.post("/api/v1/flows/" + flow + "/run");
    assertThat(started.status()).as(started.body()).isLessThan(300);
    return http.awaitRun(flow, started.json().get("id").asText(), Duration.ofSeconds(120));
  }

  @Test
  void anAdminInstallsTheLakeConnectorAndFlowsWriteAndReadTheLake() throws Exception {
    Http http = ConnectorsApp.admin();
    Path zip = pluginZip();
    Http.Answer installed = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/plugins?fileName="
        + zip.getFileName())).header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofFile(zip)));
    assertThat(installed.status()).as(installed.body()).isEqualTo(201);

    StringBuilder csv = new StringBuilder("id,email,placed_at\n");
    Instant t0 = Instant.parse("2024-05-01T00:30:00Z");
    for (int i = 0; i < N; i++) {
      csv.append(i).append(",p").append(i).append("@example.org,").append(t0.plusSeconds(600L * i)).append('\n');
    }
    Path home = ConnectorsApp.home();
    Path file = Files.writeString(home.resolve("lake-orders.csv"), csv);
    Path lake = home.resolve("lake/orders");
    assertThat(http.postJson("/api/v1/flows", Map.of("id", "csv-to-lake", "definition", """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", columns: "id:LONG,email,placed_at:TIMESTAMP", subjectColumn: email}
              steps:
                - to: {uri: "cairn:sink:parquet", parameters: {path: "%s", partitionBy: placed_at}}
        """.formatted(file, lake))).status()).isEqualTo(201);
    assertThat(run(http, "csv-to-lake").get("state").asText()).isEqualTo("SUCCEEDED");
    try (Stream<Path> parts = Files.list(lake)) {
      assertThat(parts.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("dt=2024-05-01", "dt=2024-05-02");
    }

    assertThat(http.postJson("/api/v1/flows", Map.of("id", "lake-to-pg", "definition", """
        - route:
            from:
              uri: "cairn:source:parquet"
              parameters: {path: "%s", subjectColumn: email}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: postgres, table: %s, mode: upsert, keyColumns: id, createTable: true}
        """.formatted(lake, PG, TABLE))).status()).isEqualTo(201);
    assertThat(run(http, "lake-to-pg").get("state").asText()).isEqualTo("SUCCEEDED");
    try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), min(dt), max(dt) FROM " + TABLE)) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(N);
      assertThat(rs.getLong(2)).isEqualTo(N);
      assertThat(rs.getString(3)).isEqualTo("2024-05-01");
      assertThat(rs.getString(4)).isEqualTo("2024-05-02");
    }

    String node = URLEncoder.encode("dataset:file:" + lake.toAbsolutePath().normalize(), StandardCharsets.UTF_8);
    Http.Answer lineage = http.get("/api/v1/lineage?nodeId=" + node + "&depth=2");
    assertThat(lineage.status()).as(lineage.body()).isEqualTo(200);
    assertThat(lineage.body()).contains("csv-to-lake").contains("lake-to-pg");
  }
}
