package io.cairn.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.spi.connector.DiscoveredDataset;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Schema discovery on the live PostgreSQL and MariaDB and on H2: tables, views, columns, types, keys. */
class JdbcDiscoveryTest {
  private static List<Backend> backends;
  private final JdbcSourceConnector connector = new JdbcSourceConnector();

  @BeforeAll
  static void createDatabases(@TempDir Path dir) throws Exception {
    backends = Backend.createAll(dir);
    for (Backend b : backends) {
      try (Connection c = b.connect()) {
        DatabaseServers.execute(c,
            "CREATE TABLE customers (id BIGINT NOT NULL, region VARCHAR(8) NOT NULL, email VARCHAR(100) NOT NULL, "
                + "score DECIMAL(10,2), born DATE, seen " + b.timestampType() + ", active BOOLEAN, "
                + "PRIMARY KEY (region, id))",
            "CREATE TABLE orders (order_id BIGINT PRIMARY KEY, customer_region VARCHAR(8) NOT NULL, "
                + "customer_id BIGINT NOT NULL, total DOUBLE PRECISION, "
                + "CONSTRAINT orders_customer_fk FOREIGN KEY (customer_region, customer_id) "
                + "REFERENCES customers (region, id))",
            "CREATE VIEW big_orders AS SELECT order_id, total FROM orders WHERE total > 100");
      }
    }
  }

  @AfterAll
  static void dropDatabases() {
    Backend.dropAll(backends);
  }

  static Stream<Backend> backends() {
    return backends.stream();
  }

  private List<DiscoveredDataset> discover(Map<String, String> config) throws Exception {
    assertThat(connector.supportsDiscovery()).isTrue();
    return connector.discover(connector.configDef().validate(config));
  }

  private static DiscoveredDataset named(List<DiscoveredDataset> found, Backend b, String table) {
    return found.stream().filter(d -> d.dataset().equals(b.dataset(table))).findFirst()
        .orElseThrow(() -> new AssertionError(b + ": no " + b.dataset(table) + " in "
            + found.stream().map(d -> d.dataset().toString()).toList()));
  }

  private static String fold(Backend b, String name) {
    return b.dialect() == Dialect.H2 ? name.toUpperCase(Locale.ROOT) : name;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void listsTablesAndViewsWithTypesAndKeys(Backend b) throws Exception {
    List<DiscoveredDataset> found = discover(b.config());

    assertThat(found).hasSize(3);
    DiscoveredDataset customers = named(found, b, "customers");
    assertThat(customers.kind()).isEqualTo("table");
    assertThat(customers.schema().columns()).extracting(Column::name)
        .containsExactly(Stream.of("id", "region", "email", "score", "born", "seen", "active")
            .map(n -> fold(b, n)).toArray(String[]::new));
    assertThat(customers.schema().columns()).extracting(Column::type).containsExactly(ColumnType.LONG,
        ColumnType.STRING, ColumnType.STRING, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.TIMESTAMP,
        ColumnType.BOOLEAN);
    assertThat(customers.schema().columns()).extracting(Column::nullable)
        .containsExactly(false, false, false, true, true, true, true);
    assertThat(customers.primaryKey()).containsExactly(fold(b, "region"), fold(b, "id"));
    assertThat(customers.foreignKeys()).isEmpty();

    DiscoveredDataset orders = named(found, b, "orders");
    assertThat(orders.primaryKey()).containsExactly(fold(b, "order_id"));
    assertThat(orders.schema().column(3).type()).isEqualTo(ColumnType.DOUBLE);
    assertThat(orders.foreignKeys()).singleElement().satisfies(fk -> {
      assertThat(fk.name()).isEqualToIgnoringCase("orders_customer_fk");
      assertThat(fk.columns()).containsExactly(fold(b, "customer_region"), fold(b, "customer_id"));
      assertThat(fk.references()).isEqualTo(b.dataset("customers"));
      assertThat(fk.referencedColumns()).containsExactly(fold(b, "region"), fold(b, "id"));
    });

    DiscoveredDataset view = named(found, b, "big_orders");
    assertThat(view.kind()).isEqualTo("view");
    assertThat(view.primaryKey()).isEmpty();
    assertThat(view.schema().columns()).extracting(Column::name)
        .containsExactly(fold(b, "order_id"), fold(b, "total"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void aSchemaListWithNothingInItFindsNothing(Backend b) throws Exception {
    assertThat(discover(b.config("discoverSchemas", "no_such_schema"))).isEmpty();
  }

  @Test
  void anUnreachableDatabaseFailsWithAMessageWithoutTheSecret() {
    Map<String, String> config = Map.of("url", "jdbc:postgresql://127.0.0.1:1/nowhere?password=hunter2",
        "user", "nobody", "password", "hunter2");
    assertThatThrownBy(() -> discover(config))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("discovery of jdbc:postgresql://127.0.0.1:1/nowhere failed")
        .hasMessageNotContaining("hunter2");
  }
}
