package io.cairn.platform.quality;

import io.cairn.platform.api.ApiException;
import io.cairn.quality.data.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads a JDBC table, or its first {@code sample} rows, into a table of Java values for profiling: whole
 * numbers as Long, other numbers as BigDecimal or Double, dates and times as ISO text. At most
 * {@link InlineData#MAX_CELLS} values; a larger table needs a sample. Problems are 400s with the database's
 * reason (the password is never part of it).
 */
final class JdbcSample {
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private JdbcSample() {}

  static Table read(String url, String user, String password, String table, Integer sample) {
    if (url == null || !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:mariadb:")
        && !url.startsWith("jdbc:h2:")) {
      throw ApiException.badRequest("'url' must be a jdbc:postgresql:, jdbc:mariadb: or jdbc:h2: URL");
    }
    if (table == null || !TABLE.matcher(table).matches()) {
      throw ApiException.badRequest("'table' must be a plain table name (table or schema.table)");
    }
    if (sample != null && (sample < 1 || sample > InlineData.MAX_CELLS)) {
      throw ApiException.badRequest("'sample' must be 1.." + InlineData.MAX_CELLS + " rows, or absent for the whole table");
    }
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    String sql = "select * from " + table + (sample == null ? "" : " limit " + sample);
    try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
      s.setFetchSize(1000);
      try (ResultSet rs = s.executeQuery(sql)) {
        return read(rs, sample);
      }
    } catch (SQLException e) {
      throw ApiException.badRequest("cannot read table '" + table + "': " + e.getMessage());
    }
  }

  private static Table read(ResultSet rs, Integer sample) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<List<Object>> columns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      columns.add(new ArrayList<>());
    }
    long cells = 0;
    while (rs.next()) {
      cells += n;
      if (cells > InlineData.MAX_CELLS) {
        throw ApiException.badRequest("the table has more than " + InlineData.MAX_CELLS + " values; profile a 'sample'");
      }
      for (int i = 0; i < n; i++) {
        columns.get(i).add(value(rs.getObject(i + 1)));
      }
    }
    Map<String, List<Object>> data = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      data.put(meta.getColumnLabel(i + 1), columns.get(i));
    }
    return Table.ofColumns(data);
  }

  private static Object value(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    if (v instanceof java.time.temporal.TemporalAccessor || v instanceof java.sql.Time) {
      return v.toString();
    }
    return v instanceof Number || v instanceof String || v instanceof Boolean || v == null ? v : v.toString();
  }
}
