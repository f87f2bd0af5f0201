package io.cairn.governance.erasure;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One table of a JDBC dataset (PostgreSQL, MariaDB, H2), named as OpenLineage names it ({@code db.schema.table},
 * {@code db.table} on MariaDB), and what erasure does to it: count, read, delete or anonymise a person's rows by
 * the subject column, each in one transaction. Values are bound with the subject column's type, so the
 * column's index serves the lookup.
 */
final class JdbcTable {
  private final String url;
  private final ErasureConnection connection;
  private final String sqlName;
  private final char quote;

  private JdbcTable(ErasureConnection connection, String url, String sqlName, char quote) {
    this.connection = connection;
    this.url = url;
    this.sqlName = sqlName;
    this.quote = quote;
  }

  /** The table behind a dataset name, reached through the namespace's connection. */
  static JdbcTable of(ErasureConnection c, String datasetName) {
    String[] parts = datasetName.split("\\.");
    if (c.url().startsWith("jdbc:postgresql:")) {
      require(parts.length == 3, datasetName, "database.schema.table");
      return new JdbcTable(c, withDatabase(c.url(), parts[0]), q('"', parts[1]) + "." + q('"', parts[2]), '"');
    }
    if (c.url().startsWith("jdbc:h2:")) {
      require(parts.length >= 2 && parts.length <= 3, datasetName, "database.schema.table");
      int n = parts.length;
      return new JdbcTable(c, c.url(), q('"', parts[n - 2]) + "." + q('"', parts[n - 1]), '"');
    }
    require(parts.length == 2, datasetName, "database.table");
    return new JdbcTable(c, c.url(), q('`', parts[0]) + "." + q('`', parts[1]), '`');
  }

  private static void require(boolean ok, String name, String shape) {
    if (!ok) {
      throw new IllegalArgumentException("dataset name '" + name + "' is not " + shape);
    }
  }

  /** The URL with its database (the path after host:port) replaced. */
  static String withDatabase(String url, String database) {
    int slashes = url.indexOf("//");
    int path = url.indexOf('/', slashes + 2);
    if (slashes < 0 || path < 0) {
      return url;
    }
    int end = url.indexOf('?', path);
    return url.substring(0, path + 1) + database + (end < 0 ? "" : url.substring(end));
  }

  private static String q(char quote, String part) {
    return quote + part.replace(String.valueOf(quote), String.valueOf(quote) + quote) + quote;
  }

  String quote(String column) {
    return q(quote, column);
  }

  /** What tells this table's connections apart: the database URL and the user. */
  String connectionKey() {
    return url + "\u0000" + connection.user();
  }

  Connection open() throws SQLException {
    return DriverManager.getConnection(url, connection.user(), connection.password());
  }

  /** The rows whose subject column holds one of the values, as column → value maps (at most {@code limit}). */
  List<Map<String, Object>> select(Connection c, String column, Collection<String> values, int limit)
      throws SQLException {
    List<Object> bound = bindable(c, column, values);
    List<Map<String, Object>> rows = new ArrayList<>();
    if (bound.isEmpty()) {
      return rows;
    }
    try (PreparedStatement ps = c.prepareStatement("select * from " + sqlName + " where " + quote(column)
        + " in (" + placeholders(bound.size()) + ")")) {
      bind(ps, bound, 1);
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            row.put(md.getColumnLabel(i), v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** How many rows the values have. */
  long count(Connection c, String column, Collection<String> values) throws SQLException {
    List<Object> bound = bindable(c, column, values);
    if (bound.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement("select count(*) from " + sqlName + " where " + quote(column)
        + " in (" + placeholders(bound.size()) + ")")) {
      bind(ps, bound, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Deletes the rows in one transaction; returns how many. */
  long delete(Connection c, String column, Collection<String> values) throws SQLException {
    List<Object> bound = bindable(c, column, values);
    if (bound.isEmpty()) {
      return 0;
    }
    return inTransaction(c, () -> {
      try (PreparedStatement ps = c.prepareStatement("delete from " + sqlName + " where " + quote(column)
          + " in (" + placeholders(bound.size()) + ")")) {
        bind(ps, bound, 1);
        return ps.executeLargeUpdate();
      }
    });
  }

  /** Overwrites the masked columns of the rows in one transaction; returns how many rows. */
  long anonymise(Connection c, String column, Collection<String> values, MaskSpec spec, String pseudonym)
      throws SQLException {
    List<Object> bound = bindable(c, column, values);
    if (bound.isEmpty()) {
      return 0;
    }
    List<String> sets = new ArrayList<>();
    List<Object> setValues = new ArrayList<>();
    spec.columns().forEach((col, how) -> {
      switch (how) {
        case NULL -> sets.add(quote(col) + " = null");
        case REDACT -> {
          sets.add(quote(col) + " = ?");
          setValues.add("***");
        }
        case HASH -> {
          sets.add(quote(col) + " = ?");
          setValues.add(pseudonym);
        }
      }
    });
    return inTransaction(c, () -> {
      try (PreparedStatement ps = c.prepareStatement("update " + sqlName + " set " + String.join(", ", sets)
          + " where " + quote(column) + " in (" + placeholders(bound.size()) + ")")) {
        int next = 1;
        for (Object v : setValues) {
          ps.setObject(next++, v);
        }
        bind(ps, bound, next);
        return ps.executeLargeUpdate();
      }
    });
  }

  /** The distinct subject values of rows whose {@code column} equals {@code value} (for identifier lookup). */
  Set<String> subjectsWhere(Connection c, String column, String value, String subjectColumn) throws SQLException {
    Set<String> found = new LinkedHashSet<>();
    List<Object> bound = bindable(c, column, List.of(value));
    if (bound.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps = c.prepareStatement("select distinct " + quote(subjectColumn) + " from " + sqlName
        + " where " + quote(column) + " = ?")) {
      bind(ps, bound, 1);
      ps.setMaxRows(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getObject(1) != null) {
            found.add(rs.getObject(1).toString());
          }
        }
      }
    }
    return found;
  }

  /** The table's column names, as the database spells them. */
  List<String> columns(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select * from " + sqlName + " where 1 = 0");
        ResultSet rs = ps.executeQuery()) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        names.add(rs.getMetaData().getColumnLabel(i));
      }
      return names;
    }
  }

  /** The values converted to the column's type; values that cannot be of that type are dropped. */
  private List<Object> bindable(Connection c, String column, Collection<String> values) throws SQLException {
    int type;
    try (PreparedStatement ps = c.prepareStatement("select " + quote(column) + " from " + sqlName + " where 1 = 0");
        ResultSet rs = ps.executeQuery()) {
      type = rs.getMetaData().getColumnType(1);
    }
    List<Object> out = new ArrayList<>();
    for (String v : new LinkedHashSet<>(values)) {
      try {
        switch (type) {
          case Types.BIGINT -> out.add(Long.parseLong(v.strip()));
          case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> out.add(Integer.parseInt(v.strip()));
          case Types.NUMERIC, Types.DECIMAL -> out.add(new BigDecimal(v.strip()));
          default -> out.add(v);
        }
      } catch (NumberFormatException notANumber) {
        // an email cannot be in a numeric column
      }
    }
    return out;
  }

  private static void bind(PreparedStatement ps, List<Object> values, int from) throws SQLException {
    int i = from;
    for (Object v : values) {
      ps.setObject(i++, v);
    }
  }

  private static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private interface Work {
    long run() throws SQLException;
  }

  private static long inTransaction(Connection c, Work work) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      long n = work.run();
      c.commit();
      return n;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  @Override
  public String toString() {
    return sqlName.toLowerCase(Locale.ROOT);
  }
}
