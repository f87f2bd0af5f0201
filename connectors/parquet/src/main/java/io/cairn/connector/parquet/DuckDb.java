package io.cairn.connector.parquet;

import io.cairn.spi.data.ColumnType;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;

/** In-memory DuckDB connections from the driver this plugin bundles, and the type mapping. */
final class DuckDb {
  private DuckDb() {}

  /** A private in-memory database; {@code streaming} makes large results come in chunks. */
  static Connection open(boolean streaming) throws SQLException {
    Properties props = new Properties();
    if (streaming) {
      props.setProperty("jdbc_stream_results", "true");
    }
    for (Driver d : ServiceLoader.load(Driver.class, DuckDb.class.getClassLoader())) {
      if (d.acceptsURL("jdbc:duckdb:")) {
        Connection c = d.connect("jdbc:duckdb:", props);
        if (c != null) {
          return c;
        }
      }
    }
    throw new SQLException("the bundled DuckDB driver is missing", "08001");
  }

  /** The DuckDB type a column of this logical type is stored as. */
  static String sqlType(ColumnType type) {
    return switch (type) {
      case STRING, JSON -> "VARCHAR";
      case LONG -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(38,10)";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMPTZ";
    };
  }

  /** The logical type of a DuckDB result column, by its type name. */
  static ColumnType logicalType(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL") || t.equals("HUGEINT") || t.equals("UBIGINT")) {
      return ColumnType.DECIMAL;
    }
    return switch (t) {
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UINTEGER", "USMALLINT", "UTINYINT" -> ColumnType.LONG;
      case "DOUBLE", "FLOAT", "REAL" -> ColumnType.DOUBLE;
      case "BOOLEAN" -> ColumnType.BOOLEAN;
      case "DATE" -> ColumnType.DATE;
      case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP_S"
          -> ColumnType.TIMESTAMP;
      case "JSON" -> ColumnType.JSON;
      default -> ColumnType.STRING;
    };
  }

  /** A SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A quoted identifier. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
