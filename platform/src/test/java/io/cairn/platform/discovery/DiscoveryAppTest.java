package io.cairn.platform.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.testkit.ConnectorsApp;
import io.cairn.platform.testkit.Http;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discovery of a live PostgreSQL schema into the catalog through the bundled jdbc plugin, in the real server:
 * datasets, schema versions, keys; and every way a request can be wrong.
 */
class DiscoveryAppTest {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA = "disc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeAll
  static void createSchema() throws Exception {
    sql("CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".customers (id BIGINT PRIMARY KEY, email TEXT NOT NULL, born DATE)",
        "COMMENT ON TABLE " + SCHEMA + ".customers IS 'One row per customer, from the CRM'",
        "CREATE TABLE " + SCHEMA + ".orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL "
            + "REFERENCES " + SCHEMA + ".customers (id), total NUMERIC(12,2), placed_at TIMESTAMPTZ)");
  }

  @AfterAll
  static void dropSchema() throws Exception {
    sql("DROP SCHEMA " + SCHEMA + " CASCADE");
  }

  private static void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static Map<String, Object> request(Map<String, String> config) {
    return Map.of("source", "jdbc", "config", config);
  }

  private static Map<String, String> pgConfig() {
    return Map.of("url", PG, "user", "postgres", "discoverSchemas", SCHEMA);
  }

  private static JsonNode dataset(JsonNode answer, String table) {
    for (JsonNode d : answer.get("datasets")) {
      if (d.get("name").asText().equals("test." + SCHEMA + "." + table)) {
        return d;
      }
    }
    throw new AssertionError("no " + table + " in " + answer);
  }

  @Test
  void discoversTablesColumnsAndKeysIntoTheCatalogAndVersionsChangedSchemas() throws Exception {
    Http admin = ConnectorsApp.admin();
    Http.Answer first = admin.postJson("/api/v1/discovery", request(pgConfig()));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    JsonNode answer = first.json();
    assertThat(answer.get("count").asInt()).isEqualTo(2);

    JsonNode customers = dataset(answer, "customers");
    assertThat(customers.get("namespace").asText()).isEqualTo("postgres://127.0.0.1:5432");
    assertThat(customers.get("kind").asText()).isEqualTo("table");
    assertThat(customers.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(names(customers.get("columns"), "name")).containsExactly("id", "email", "born");
    assertThat(names(customers.get("columns"), "type")).containsExactly("LONG", "STRING", "DATE");

    long customersId = customers.get("id").asLong();
    JsonNode stored = admin.get("/api/v1/datasets/" + customersId).json();
    assertThat(stored.toString()).contains("One row per customer, from the CRM");
    assertThat(names(stored.get("columns"), "name")).containsExactly("id", "email", "born");

    long ordersId = dataset(answer, "orders").get("id").asLong();
    JsonNode keys = admin.get("/api/v1/discovery/datasets/" + ordersId + "/keys").json();
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).get("kind").asText()).isEqualTo("primary");
    assertThat(names(keys.get(0).get("columns"), null)).containsExactly("id");
    assertThat(keys.get(1).get("kind").asText()).isEqualTo("foreign");
    assertThat(names(keys.get(1).get("columns"), null)).containsExactly("customer_id");
    assertThat(keys.get(1).get("refName").asText()).isEqualTo("test." + SCHEMA + ".customers");
    assertThat(names(keys.get(1).get("refColumns"), null)).containsExactly("id");

    // unchanged: the same version; a new column: a new version
    JsonNode again = admin.postJson("/api/v1/discovery", request(pgConfig())).json();
    assertThat(dataset(again, "customers").get("schemaVersion").asInt()).isEqualTo(1);
    sql("ALTER TABLE " + SCHEMA + ".customers ADD COLUMN phone TEXT");
    JsonNode changed = admin.postJson("/api/v1/discovery", request(pgConfig())).json();
    assertThat(dataset(changed, "customers").get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(dataset(changed, "customers").get("id").asLong()).isEqualTo(customersId);
  }

  @Test
  void badRequestsGetAClearErrorAndNoSecretComesBack() throws Exception {
    Http admin = ConnectorsApp.admin();
    Http.Answer unknown = admin.postJson("/api/v1/discovery", Map.of("source", "nosuch",
        "config", Map.of("url", PG)));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("no source connector 'nosuch'");

    Http.Answer noSource = admin.postJson("/api/v1/discovery", Map.of("config", Map.of()));
    assertThat(noSource.status()).isEqualTo(400);

    Http.Answer cannot = admin.postJson("/api/v1/discovery", Map.of("source", "file",
        "config", Map.of("path", "/tmp")));
    assertThat(cannot.status()).isEqualTo(400);
    assertThat(cannot.body()).contains("cannot list its datasets");

    Http.Answer invalid = admin.postJson("/api/v1/discovery", request(Map.of("user", "postgres")));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("url");

    Http.Answer unreachable = admin.postJson("/api/v1/discovery", request(Map.of(
        "url", "jdbc:postgresql://127.0.0.1:1/nowhere", "user", "postgres", "password", "s3cret-Pa55")));
    assertThat(unreachable.status()).isEqualTo(502);
    assertThat(unreachable.body()).contains("could not be discovered").doesNotContain("s3cret-Pa55");
  }

  @Test
  void viewersMayReadKeysButNotDiscover() throws Exception {
    Http admin = ConnectorsApp.admin();
    assertThat(admin.postJson("/api/v1/users", Map.of("username", "disc-viewer", "password",
        "disc-viewer-password", "roles", List.of("viewer"))).status()).isEqualTo(201);
    Http viewer = ConnectorsApp.as("disc-viewer", "disc-viewer-password");
    assertThat(viewer.postJson("/api/v1/discovery", request(pgConfig())).status()).isEqualTo(403);
    assertThat(viewer.get("/api/v1/discovery/datasets/1/keys").status()).isEqualTo(200);
    Http anonymous = new Http(ConnectorsApp.url(), "Basic bm9ib2R5Om5vcGU=");
    assertThat(anonymous.postJson("/api/v1/discovery", request(pgConfig())).status()).isEqualTo(401);
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
    return out;
  }
}
