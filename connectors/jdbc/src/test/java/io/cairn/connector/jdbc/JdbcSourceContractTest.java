package io.cairn.connector.jdbc;

import io.cairn.connector.testkit.SourceConnectorContract;
import io.cairn.spi.connector.SourceConnector;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The JDBC source, incremental on the live PostgreSQL, keeps the SPI contract of the connector test kit. */
class JdbcSourceContractTest extends SourceConnectorContract {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private final String table = "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  protected SourceConnector connector() {
    return new JdbcSourceConnector();
  }

  @Override
  protected Map<String, String> prepare(int records) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, email TEXT NOT NULL)");
      s.execute("INSERT INTO " + table + " SELECT g, 'p' || g || '@example.org' FROM generate_series(1, "
          + records + ") g");
    }
    return Map.of("url", URL, "user", "postgres", "table", table, "mode", "incremental",
        "watermarkColumn", "id");
  }

  @AfterEach
  void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
    }
  }
}
