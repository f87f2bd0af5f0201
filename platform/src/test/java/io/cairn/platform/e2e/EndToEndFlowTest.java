package io.cairn.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.platform.testing.TestServer;
import io.cairn.platform.testkit.Http;
import io.dropwizard.testing.ConfigOverride;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's flow end to end with the bundled plugins: a CSV with malformed rows loaded into a JDBC
 * table, once with everything on H2 (the embedded default) and once with the catalog and the sink on the
 * machine's PostgreSQL. Malformed rows are quarantined with the reason, the counts add up, a second load
 * upserts without duplicates, and the run's datasets are in the catalog.
 */
class EndToEndFlowTest {
  private static final int GOOD = 12_345;
  private static final List<String> DATABASES = new ArrayList<>();

  @TempDir
  Path home;

  @AfterAll
  static void drop() {
    DATABASES.forEach(LocalServices::dropPostgresDatabase);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgres"})
  void csvToJdbcWithQuarantine(String kind) throws Exception {
    List<ConfigOverride> overrides = new ArrayList<>();
    String sinkUrl;
    String user = "";
    String password = "";
    if (kind.equals("postgres")) {
      password = "trust-auth-ignores-this";
      String catalog = LocalServices.createPostgresDatabase("cairn_e2e_catalog");
      sinkUrl = LocalServices.createPostgresDatabase("cairn_e2e_shop");
      DATABASES.addAll(List.of(catalog, sinkUrl));
      overrides.add(ConfigOverride.config("catalog.url", catalog));
      overrides.add(ConfigOverride.config("catalog.user", LocalServices.PG_USER));
      user = LocalServices.PG_USER;
    } else {
      sinkUrl = "jdbc:h2:file:" + home.resolve("shop") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }
    Path csv = home.resolve("customers.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id,email,birth_date,score\n");
      for (int i = 1; i <= GOOD; i++) {
        w.write(i + ",c" + i + "@example.com,1980-01-" + String.format("%02d", 1 + i % 28) + "," + (i % 100) + "\n");
        if (i % 1000 == 0) {
          w.write("bad" + i + ",x@example.com,1980-01-01,1\n");          // id is not a number
          w.write((GOOD + i) + ",y@example.com,31/02/1980,1\n");        // not a date
          w.write((GOOD + i + 1) + ",too,many,fields,here\n");          // wrong field count
        }
      }
    }
    int bad = 3 * (GOOD / 1000);
    TestServer server = TestServer.start(home, TestServer.bundledPlugins(), overrides.toArray(ConfigOverride[]::new));
    try {
      Http http = new Http(server.url(), TestServer.admin());
      String flow = """
          - route:
              from:
                uri: "cairn:source:file"
                parameters: {path: "%s", format: csv, columns: "id:LONG,email,birth_date:DATE,score:LONG", subjectColumn: id}
                steps:
                  - to:
                      uri: "cairn:sink:jdbc"
                      parameters: {url: "%s", user: "%s", password: "%s", table: customers, mode: upsert, keyColumns: id, createTable: true}
          """.formatted(csv, sinkUrl, user, password);
      assertThat(http.postJson("/api/v1/flows", Map.of("id", "load", "definition", flow)).status()).isEqualTo(201);
      String shown = http.get("/api/v1/flows/load").json().get("flow").get("definition").asText();
      assertThat(shown).as("connection details shown, secrets masked").contains(sinkUrl.substring(0, 12))
          .contains("password: '******'");
      if (!password.isEmpty()) {
        assertThat(shown).doesNotContain(password);
        assertThat(http.get("/api/v1/flows/load/versions").body()).doesNotContain(password);
      }

      JsonNode first = run(http);
      assertThat(first.get("state").asText()).isEqualTo("SUCCEEDED");
      assertThat(first.get("rowsIn").asLong()).isEqualTo(GOOD);
      assertThat(first.get("rowsOut").asLong()).isEqualTo(GOOD);
      assertThat(first.get("rowsQuarantined").asLong()).isEqualTo(bad);
      JsonNode quarantined = http.get("/api/v1/flows/load/quarantine?limit=1000").json();
      assertThat(quarantined).hasSize(bad);
      List<String> reasons = new ArrayList<>();
      quarantined.forEach(q -> reasons.add(q.get("reason").asText()));
      assertThat(reasons).anyMatch(r -> r.contains("'bad1000' is not a LONG"))
          .anyMatch(r -> r.contains("'31/02/1980' is not a DATE"))
          .anyMatch(r -> r.contains("expected 4 fields, found 5"));
      assertThat(count(sinkUrl, user)).isEqualTo(GOOD);

      // a new name makes a new version (a quoting change alone is the same definition and keeps the version)
      var redeployed = http.postJson("/api/v1/flows", Map.of("id", "load", "name", "Load customers",
          "definition", shown));
      assertThat(redeployed.status()).as("a masked definition sent back keeps its secret").isEqualTo(200);
      assertThat(redeployed.json().get("currentVersion").asInt()).isEqualTo(2);
      assertThat(http.post("/api/v1/flows/load/offsets/reset").status()).isEqualTo(200);
      JsonNode second = run(http);
      assertThat(second.get("rowsOut").asLong()).as("everything loaded again").isEqualTo(GOOD);
      assertThat(count(sinkUrl, user)).as("upsert by key: no duplicates").isEqualTo(GOOD);

      JsonNode detail = http.get("/api/v1/flows/load/runs/" + first.get("id").asText()).json();
      assertThat(detail.get("datasets").toString()).contains("customers.csv").contains("customers")
          .contains("INPUT").contains("OUTPUT");
      JsonNode datasets = http.get("/api/v1/datasets?q=customers").json();
      assertThat(datasets.size()).isGreaterThanOrEqualTo(2);
    } finally {
      server.stop();
    }
  }

  private static JsonNode run(Http http) throws Exception {
    String runId = http.post("/api/v1/flows/load/run").json().get("id").asText();
    return http.awaitRun("load", runId, Duration.ofSeconds(90));
  }

  private static long count(String url, String user) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, "");
        ResultSet rs = c.createStatement().executeQuery("select count(*), count(distinct id) from customers")) {
      rs.next();
      assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
      return rs.getLong(1);
    }
  }
}
