package io.cairn.connector.jdbc;

import io.cairn.spi.config.Config;
import java.util.List;

/**
 * The JDBC sink's configuration, checked across properties (no I/O).
 *
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null
 * @param table the table written
 * @param upsert whether rows are upserted by key instead of inserted
 * @param keyColumns the key columns (required for upsert; the primary key of a created table)
 * @param createTable whether a missing table is created from the first batch's schema
 * @param batchSize rows per JDBC batch
 */
record SinkSettings(
    String url, String user, String password, String table, boolean upsert, List<String> keyColumns,
    boolean createTable, int batchSize) {

  /**
   * Reads validated configuration.
   *
   * @throws io.cairn.spi.config.ConfigException when the properties contradict each other
   */
  static SinkSettings of(Config config) {
    String url = config.string(JdbcConfig.URL);
    Dialect.of(url);
    boolean upsert = config.string(JdbcConfig.MODE).equals("upsert");
    List<String> keys = config.list(JdbcConfig.KEY_COLUMNS);
    if (upsert && keys.isEmpty()) {
      throw JdbcConfig.problem("property 'keyColumns' is required in upsert mode");
    }
    return new SinkSettings(url, config.string(JdbcConfig.USER), config.string(JdbcConfig.PASSWORD),
        config.string(JdbcConfig.TABLE), upsert, keys, config.bool(JdbcConfig.CREATE_TABLE),
        JdbcConfig.positive(config, JdbcConfig.BATCH_SIZE));
  }

  @Override
  public String toString() {
    return "SinkSettings[url=" + Connections.redact(url) + ", table=" + table + ", upsert=" + upsert + "]";
  }
}
