package io.cairn.connector.jdbc;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import org.pf4j.Extension;

/**
 * {@code cairn:sink:jdbc}: inserts or upserts into a table of PostgreSQL, MariaDB or H2, one transaction per
 * write; rows the database rejects go to the quarantine. Stateless.
 */
@Extension
public final class JdbcSinkConnector implements SinkConnector {
  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public String description() {
    return "Inserts or upserts into a table over JDBC (PostgreSQL, MariaDB, H2)";
  }

  @Override
  public ConfigDef configDef() {
    return JdbcConfig.SINK;
  }

  @Override
  public SinkTask createTask(Config config) {
    return new JdbcSinkTask(SinkSettings.of(config));
  }
}
