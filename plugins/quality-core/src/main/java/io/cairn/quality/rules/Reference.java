package io.cairn.quality.rules;

import io.cairn.quality.data.Values;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reference data a rule looks values up in: inline ({@code values} / {@code rates}), a CSV file with a header
 * ({@code file}, {@code keyColumn}, {@code valueColumn}), or a JDBC table ({@code jdbcUrl}, {@code table},
 * {@code keyColumn}, {@code valueColumn}, {@code user}, {@code passwordEnv}: the password is read from that
 * environment variable, never written in the rules). Loaded on first use and kept for the life of the rule
 * set, which is one run of a flow; a load that fails fails the batch with the reason. Keys are text, numbers
 * without trailing zeros ({@code 5.0} is {@code 5}). Not thread-safe.
 */
final class Reference {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final String rule;
  private final Map<?, ?> inline;
  private final Path file;
  private final String jdbcUrl;
  private final String table;
  private final String keyColumn;
  private final String valueColumn;
  private final String user;
  private final String passwordEnv;
  private Map<String, String> loaded;

  private Reference(String rule, Map<?, ?> inline, Path file, String jdbcUrl, String table, String keyColumn,
      String valueColumn, String user, String passwordEnv) {
    this.rule = rule;
    this.inline = inline;
    this.file = file;
    this.jdbcUrl = jdbcUrl;
    this.table = table;
    this.keyColumn = keyColumn;
    this.valueColumn = valueColumn;
    this.user = user;
    this.passwordEnv = passwordEnv;
  }

  /**
   * Reads the reference options of a rule entry.
   *
   * @param inlineKey the key of the inline form ({@code values}, a list, or {@code rates}, a map)
   * @param withValues whether each key needs a value (rates) or only keys count (a set)
   * @return null when the options are wrong (the problems are on the spec)
   */
  static Reference read(String rule, Spec spec, String inlineKey, boolean withValues) {
    Object inline = spec.raw(inlineKey);
    String file = spec.string("file", null);
    String jdbcUrl = spec.string("jdbcUrl", null);
    String table = spec.string("table", null);
    String keyColumn = spec.string("keyColumn", null);
    String valueColumn = spec.string("valueColumn", null);
    String user = spec.string("user", null);
    String passwordEnv = spec.string("passwordEnv", null);
    int sources = (inline == null ? 0 : 1) + (file == null ? 0 : 1) + (jdbcUrl == null ? 0 : 1);
    if (sources != 1) {
      spec.problem("give exactly one of '" + inlineKey + "', 'file' or 'jdbcUrl' (with 'table')");
      return null;
    }
    Map<Object, Object> values = new HashMap<>();
    if (inline instanceof Map<?, ?> m && withValues) {
      values.putAll(m);
    } else if (inline instanceof List<?> l && !withValues) {
      l.forEach(v -> values.put(v, ""));
    } else if (inline != null) {
      spec.problem("'" + inlineKey + "' must be " + (withValues ? "a map of key: value" : "a list of values"));
      return null;
    }
    if (jdbcUrl != null) {
      if (!jdbcUrl.startsWith("jdbc:")) {
        spec.problem("'jdbcUrl' must start with jdbc:");
        return null;
      }
      for (String name : new String[] {table, keyColumn, withValues ? valueColumn : "x"}) {
        if (name == null || !NAME.matcher(name).matches()) {
          spec.problem("a JDBC reference needs 'table', 'keyColumn'" + (withValues ? " and 'valueColumn'" : "")
              + " as plain SQL names, not '" + name + "'");
          return null;
        }
      }
    }
    return new Reference(rule, inline == null ? null : values, file == null ? null : Path.of(file), jdbcUrl, table,
        keyColumn, valueColumn, user, passwordEnv);
  }

  /** The key a value is looked up under. */
  static String key(Object v) {
    return v == null ? null : v instanceof Number ? Values.show(v) : v.toString().trim();
  }

  /** Key to value (empty text for a set), loaded on first call. */
  Map<String, String> entries() {
    if (loaded == null) {
      try {
        loaded = inline != null ? fromInline() : file != null ? fromFile() : fromJdbc();
      } catch (IOException | SQLException | RuntimeException e) {
        throw new QualityFailure("rule '" + rule + "': the reference data could not be loaded from "
            + (file != null ? file : jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=***")) + ": " + e.getMessage());
      }
    }
    return loaded;
  }

  private Map<String, String> fromInline() {
    Map<String, String> m = new HashMap<>();
    inline.forEach((k, v) -> m.put(key(k), v == null ? "" : key(v)));
    return m;
  }

  private Map<String, String> fromFile() throws IOException {
    Map<String, String> m = new HashMap<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      var csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(in);
      List<String> header = csv.getHeaderNames();
      String k = keyColumn != null ? keyColumn : header.get(0);
      String v = valueColumn != null ? valueColumn : header.size() > 1 ? header.get(1) : null;
      for (CSVRecord r : csv) {
        m.put(key(r.get(k)), v == null ? "" : r.get(v));
      }
    }
    return m;
  }

  private Map<String, String> fromJdbc() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (passwordEnv != null) {
      String password = System.getenv(passwordEnv);
      if (password == null) {
        throw new IllegalStateException("environment variable " + passwordEnv + " is not set");
      }
      props.setProperty("password", password);
    }
    Map<String, String> m = new HashMap<>();
    String sql = "select " + keyColumn + (valueColumn == null ? "" : ", " + valueColumn) + " from " + table;
    try (Connection c = connect(props); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        Object k = rs.getObject(1);
        if (k != null) {
          m.put(key(k), valueColumn == null ? "" : key(rs.getObject(2)));
        }
      }
    }
    return m;
  }

  /**
   * A connection through a driver this class's loader sees (inside a plugin, the plugin's own drivers: the
   * JDK's DriverManager would refuse those of another class loader), else through DriverManager.
   */
  private Connection connect(Properties props) throws SQLException {
    for (Driver driver : ServiceLoader.load(Driver.class, Reference.class.getClassLoader())) {
      if (driver.acceptsURL(jdbcUrl)) {
        return driver.connect(jdbcUrl, props);
      }
    }
    return DriverManager.getConnection(jdbcUrl, props);
  }

  /** The value for a key, trying it as given, then upper-case, then lower-case; null when absent. */
  String lookup(Object value) {
    Map<String, String> all = entries();
    String k = key(value);
    String v = all.get(k);
    if (v == null && k != null) {
      v = all.get(k.toUpperCase(Locale.ROOT));
      v = v != null ? v : all.get(k.toLowerCase(Locale.ROOT));
    }
    return v;
  }

  boolean contains(Object value) {
    return entries().containsKey(key(value));
  }

  /** A value as a number, or a failure naming the key. */
  BigDecimal number(String key, String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new QualityFailure("rule '" + rule + "': the reference value of '" + key + "' is not a number: '"
          + value + "'");
    }
  }
}
