package io.cairn.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.FlowRepository;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.platform.testkit.Http;
import io.cairn.platform.testkit.ServerProcess;
import io.cairn.platform.testkit.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connector secrets at rest: a definition stored in plain text by an older server is encrypted at start, new
 * ones are stored encrypted (the catalog's rows are read directly), flows still run with them, the API masks
 * them, and the server's whole log (including a run whose connection fails) never contains them.
 */
class SecretsAtRestTest {
  private static final List<String> DATABASES = new ArrayList<>();

  @AfterAll
  static void drop() {
    DATABASES.forEach(LocalServices::dropPostgresDatabase);
  }

  @Test
  void secretsAreSealedInTheCatalogOpenedOnlyToRunAndNeverLogged(@TempDir Path home) throws Exception {
    String catalogUrl = LocalServices.createPostgresDatabase("cairn_secrets_catalog");
    String warehouse = LocalServices.createPostgresDatabase("cairn_secrets_wh");
    DATABASES.addAll(List.of(catalogUrl, warehouse));
    String secret = "Pw-" + UUID.randomUUID();
    Path csv = home.resolve("people.csv");
    Files.writeString(csv, "id,email\n1,a@x.com\n2,b@x.com\n");

    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(catalogUrl);
    ds.setUser(LocalServices.PG_USER);
    CatalogDatabase catalog = new CatalogDatabase(ds);
    catalog.migrate();
    new FlowRepository(catalog).save(new FlowId("legacy"), "legacy", null, "yaml",
        flow(csv, warehouse, "legacy_people", secret), "admin", "admin");
    assertThat(storedDefinitions(catalogUrl)).as("stored in plain text before").contains(secret);

    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> env = Map.of(
        "CAIRN_ADMIN_PASSWORD", TestApp.ADMIN_PASSWORD,
        "CAIRN_BUNDLED_PLUGINS", Path.of("target", "bundled-plugins").toAbsolutePath().toString(),
        "CAIRN_DATABASE_URL", catalogUrl,
        "CAIRN_DATABASE_USER", LocalServices.PG_USER,
        "CAIRN_SECRETS_KEY", Base64.getEncoder().encodeToString(key));
    try (ServerProcess server = new ServerProcess(home, env).start()) {
      Http http = new Http(server.url(), TestApp.basic("admin", TestApp.ADMIN_PASSWORD));
      assertThat(storedDefinitions(catalogUrl)).as("migrated at start").doesNotContain(secret)
          .contains("enc:v1:");

      assertThat(http.postJson("/api/v1/flows", Map.of("id", "copy",
          "definition", flow(csv, warehouse, "people", secret))).status()).isEqualTo(201);
      assertThat(storedDefinitions(catalogUrl)).doesNotContain(secret);
      Http.Answer shown = http.get("/api/v1/flows/copy");
      assertThat(shown.body()).doesNotContain(secret).doesNotContain("enc:v1:").contains("******");

      for (String flow : List.of("copy", "legacy")) {
        String runId = http.post("/api/v1/flows/" + flow + "/run").json().get("id").asText();
        JsonNode run = http.awaitRun(flow, runId, Duration.ofSeconds(60));
        assertThat(run.get("state").asText()).as(flow + ": " + run).isEqualTo("SUCCEEDED");
      }
      assertThat(count(warehouse, "people")).isEqualTo(2);
      assertThat(count(warehouse, "legacy_people")).isEqualTo(2);

      assertThat(http.postJson("/api/v1/flows", Map.of("id", "broken",
          "definition", flow(csv, "jdbc:postgresql://127.0.0.1:1/nowhere", "people", secret))).status())
          .isEqualTo(201);
      String runId = http.post("/api/v1/flows/broken/run").json().get("id").asText();
      JsonNode failed = http.awaitRun("broken", runId, Duration.ofSeconds(60));
      assertThat(failed.get("state").asText()).isEqualTo("FAILED");
      assertThat(failed.toString()).doesNotContain(secret);
      assertThat(http.get("/api/v1/flows/broken/versions").body()).doesNotContain(secret);
    }
    String log = serverLogs(home);
    assertThat(log).contains("encrypted the secrets of 1 stored flow definition(s)").contains("broken");
    assertThat(log).as("no secret in the server's log").doesNotContain(secret);
  }

  private static String flow(Path csv, String url, String table, String password) {
    return """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", format: csv, columns: "id:LONG,email"}
              steps:
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: postgres, password: "%s", table: %s, createTable: true}
        """.formatted(csv, url, password, table);
  }

  private static String storedDefinitions(String catalogUrl) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection(catalogUrl, LocalServices.PG_USER, "");
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("select definition from flow_versions")) {
      while (r.next()) {
        sb.append(r.getString(1)).append('\n');
      }
    }
    return sb.toString();
  }

  private static long count(String url, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(url, LocalServices.PG_USER, "");
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String serverLogs(Path home) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(home)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("server-")).toList()) {
        sb.append(Files.readString(p));
      }
    }
    assertThat(sb).as("the server's log was captured").isNotEmpty();
    return sb.toString();
  }
}
