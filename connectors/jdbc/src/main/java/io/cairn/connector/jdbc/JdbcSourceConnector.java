package io.cairn.connector.jdbc;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.DiscoveredDataset;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import java.sql.SQLException;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code cairn:source:jdbc}: streams a table or a query from PostgreSQL, MariaDB or H2, in full or
 * incrementally by a watermark column. Stateless.
 */
@Extension
public final class JdbcSourceConnector implements SourceConnector {
  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public String description() {
    return "Reads a table or query over JDBC (PostgreSQL, MariaDB, H2), in full or incrementally";
  }

  @Override
  public ConfigDef configDef() {
    return JdbcConfig.SOURCE;
  }

  @Override
  public SourceTask createTask(Config config) {
    return new JdbcSourceTask(SourceSettings.of(config));
  }

  @Override
  public boolean supportsDiscovery() {
    return true;
  }

  /** The tables and views of the database (or of {@code discoverSchemas}) with columns and keys. */
  @Override
  public List<DiscoveredDataset> discover(Config config) throws SQLException {
    return new JdbcDiscovery(config).discover();
  }
}
