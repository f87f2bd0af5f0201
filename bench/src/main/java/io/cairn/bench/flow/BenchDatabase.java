package io.cairn.bench.flow;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL database the flow benchmark loads into: created when missing; its one table is dropped and
 * created again before every measurement and checked after it, so a measurement that lost or doubled rows fails
 * instead of reporting a figure.
 */
final class BenchDatabase {
  private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^/?]+)(.*)$");

  private final String url;
  private final String user;
  private final String password;

  BenchDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  String url() {
    return url;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** Creates the database when it does not exist (through the server's {@code postgres} database). */
  void ensureExists() throws SQLException {
    Matcher m = DATABASE.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("cannot find the database name in " + url);
    }
    String name = m.group(2);
    try (Connection c = DriverManager.getConnection(m.group(1) + "postgres" + m.group(3), properties());
        PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
      }
    }
  }

  /** A connection; with {@code rewriteBatchedInserts} the driver sends a batch of inserts as multi-row inserts. */
  Connection connect(boolean rewriteBatchedInserts) throws SQLException {
    Properties p = properties();
    if (rewriteBatchedInserts) {
      p.setProperty("reWriteBatchedInserts", "true");
    }
    return DriverManager.getConnection(url, p);
  }

  /** The server's version, e.g. {@code 15.20}. */
  String serverVersion() throws SQLException {
    try (Connection c = connect(false)) {
      return c.getMetaData().getDatabaseProductVersion();
    }
  }

  /**
   * Drops and creates the table, then asks for a checkpoint so that no measurement pays for the dirty pages
   * of the one before.
   */
  void recreateTable() throws SQLException {
    try (Connection c = connect(false); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + CustomerCsv.TABLE);
      s.execute(CustomerCsv.DDL);
      checkpoint(s);
    }
  }

  void dropTable() throws SQLException {
    try (Connection c = connect(false); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + CustomerCsv.TABLE);
    }
  }

  /**
   * Checks that the table holds exactly the rows of the file: the count, the sum of ids and the sum of amounts.
   *
   * @throws IllegalStateException saying what differs
   */
  void verify(CustomerCsv.Written expected) throws SQLException {
    try (Connection c = connect(false); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(\"id\"), 0), coalesce(sum(\"amount\"), 0), "
            + "count(DISTINCT \"id\") FROM " + CustomerCsv.TABLE)) {
      rs.next();
      long count = rs.getLong(1);
      BigDecimal ids = rs.getBigDecimal(2);
      BigDecimal amount = rs.getBigDecimal(3);
      long distinct = rs.getLong(4);
      BigDecimal expectedAmount = BigDecimal.valueOf(expected.amountCents(), 2);
      if (count != expected.rows() || distinct != expected.rows()
          || ids.compareTo(BigDecimal.valueOf(expected.idSum())) != 0 || amount.compareTo(expectedAmount) != 0) {
        throw new IllegalStateException("the table does not hold the file's rows: count(*) = " + count
            + " (expected " + expected.rows() + "), distinct ids = " + distinct + ", sum(id) = " + ids
            + " (expected " + expected.idSum() + "), sum(amount) = " + amount + " (expected " + expectedAmount + ")");
      }
    }
  }

  private static void checkpoint(Statement s) {
    try {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      // only superusers (and pg_checkpoint members) may; the measurement is then a little noisier
    }
  }

  private Properties properties() {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }
}
