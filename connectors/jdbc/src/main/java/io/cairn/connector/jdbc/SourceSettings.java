package io.cairn.connector.jdbc;

import io.cairn.spi.config.Config;

/**
 * The JDBC source's configuration, checked across properties (no I/O).
 *
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null
 * @param table the table to read, or null when a query is read
 * @param query the query to read, or null when a table is read
 * @param incremental whether to read by watermark
 * @param watermarkColumn the watermark column (incremental only), else null
 * @param subjectColumn the column holding the subject id, or null
 * @param fetchSize rows per driver round trip
 */
record SourceSettings(
    String url, String user, String password, String table, String query, boolean incremental,
    String watermarkColumn, String subjectColumn, int fetchSize) {

  /**
   * Reads validated configuration.
   *
   * @throws io.cairn.spi.config.ConfigException when the properties contradict each other
   */
  static SourceSettings of(Config config) {
    String url = config.string(JdbcConfig.URL);
    Dialect.of(url);
    String table = config.string(JdbcConfig.TABLE);
    String query = config.string(JdbcConfig.QUERY);
    if ((table == null) == (query == null)) {
      throw JdbcConfig.problem("give exactly one of the properties 'table' and 'query'");
    }
    boolean incremental = config.string(JdbcConfig.MODE).equals("incremental");
    String watermark = config.string(JdbcConfig.WATERMARK_COLUMN);
    if (incremental && watermark == null) {
      throw JdbcConfig.problem("property 'watermarkColumn' is required in incremental mode");
    }
    return new SourceSettings(url, config.string(JdbcConfig.USER), config.string(JdbcConfig.PASSWORD), table,
        query == null ? null : stripSemicolon(query), incremental, incremental ? watermark : null,
        config.string(JdbcConfig.SUBJECT_COLUMN), JdbcConfig.positive(config, JdbcConfig.FETCH_SIZE));
  }

  private static String stripSemicolon(String query) {
    String q = query.strip();
    return q.endsWith(";") ? q.substring(0, q.length() - 1).strip() : q;
  }

  @Override
  public String toString() {
    return "SourceSettings[url=" + Connections.redact(url) + ", table=" + table + ", query=" + query + "]";
  }
}
