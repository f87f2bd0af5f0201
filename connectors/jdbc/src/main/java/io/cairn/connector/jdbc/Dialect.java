package io.cairn.connector.jdbc;

import io.cairn.spi.data.ColumnType;
import java.util.List;
import java.util.stream.Collectors;

/** What differs between the supported databases: quoting, upsert, column types, dataset namespace. */
enum Dialect {
  POSTGRESQL("PostgreSQL", '"'),
  MARIADB("MariaDB", '`'),
  H2("H2", '"');

  private final String product;
  private final char quote;

  Dialect(String product, char quote) {
    this.product = product;
    this.quote = quote;
  }

  /**
   * The dialect of a JDBC URL.
   *
   * @throws io.cairn.spi.config.ConfigException when no bundled driver serves the URL
   */
  static Dialect of(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      return MARIADB;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw JdbcConfig.problem("property 'url' must start with jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or "
        + "jdbc:h2: (the drivers this plugin bundles)");
  }

  String product() {
    return product;
  }

  /** The URL to connect with: batched inserts rewritten into multi-row inserts on PostgreSQL. */
  String effectiveUrl(String url) {
    if (this == POSTGRESQL && !url.contains("reWriteBatchedInserts=")) {
      return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    if (this == MARIADB && url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
      return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
    return url;
  }

  /** An identifier quoted for this database, exactly as given. */
  String quote(String identifier) {
    String q = String.valueOf(quote);
    return q + identifier.replace(q, q + q) + q;
  }

  String insert(String table, List<String> columns) {
    return "INSERT INTO " + table + " (" + list(columns) + ") VALUES (" + params(columns.size()) + ")";
  }

  /** An insert that updates the non-key columns of the row with the same key instead of failing. */
  String upsert(String table, List<String> columns, List<String> keys) {
    List<String> others = columns.stream().filter(c -> !keys.contains(c)).toList();
    return switch (this) {
      case POSTGRESQL -> insert(table, columns) + " ON CONFLICT (" + list(keys) + ") DO "
          + (others.isEmpty() ? "NOTHING" : "UPDATE SET " + assignments(others, c -> "EXCLUDED." + quote(c)));
      case MARIADB -> insert(table, columns) + " ON DUPLICATE KEY UPDATE "
          + assignments(others.isEmpty() ? keys : others, c -> "VALUES(" + quote(c) + ")");
      case H2 -> "MERGE INTO " + table + " (" + list(columns) + ") KEY (" + list(keys) + ") VALUES ("
          + params(columns.size()) + ")";
    };
  }

  /** The column type a created table uses for a logical type. */
  String sqlType(ColumnType type, boolean key) {
    return switch (type) {
      case STRING -> this == MARIADB ? (key ? "VARCHAR(255)" : "TEXT") : this == H2 ? "VARCHAR" : "TEXT";
      case LONG -> "BIGINT";
      case DOUBLE -> this == MARIADB ? "DOUBLE" : "DOUBLE PRECISION";
      case DECIMAL -> this == POSTGRESQL ? "NUMERIC" : "DECIMAL(38, 10)";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> this == MARIADB ? "DATETIME(6)" : "TIMESTAMP WITH TIME ZONE";
      case JSON -> this == POSTGRESQL ? "JSONB" : "JSON";
    };
  }

  private String list(List<String> columns) {
    return columns.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  private String assignments(List<String> columns, java.util.function.Function<String, String> value) {
    return columns.stream().map(c -> quote(c) + " = " + value.apply(c)).collect(Collectors.joining(", "));
  }

  private static String params(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
