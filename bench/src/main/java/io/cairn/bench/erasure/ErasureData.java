package io.cairn.bench.erasure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's data: a chain of derived tables {@code erase_l0 .. erase_l3} in one PostgreSQL database,
 * holding 40%, 30%, 20% and 10% of the rows (4, 3, 2 and 1 rows per person: events, then narrower derivations),
 * generated with {@code generate_series}, the subject column indexed as a real deployment would. Tables are
 * reused between runs when their row counts match.
 */
final class ErasureData {
  static final int LEVELS = 4;
  private final String serverUrl;
  private final String database;
  private final String user;
  private final long totalRows;

  ErasureData(String serverUrl, String database, String user, long totalRows) {
    this.serverUrl = serverUrl;
    this.database = database;
    this.user = user;
    this.totalRows = totalRows;
  }

  /** The JDBC URL of the benchmark's database. */
  String url() {
    return serverUrl + database;
  }

  /** People in the data: every table holds each of them (l0 four times, l3 once). */
  long people() {
    return Math.max(1, totalRows / 10);
  }

  static String table(int level) {
    return "erase_l" + level;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user, "");
  }

  /** Creates the database and the tables when missing or of the wrong size; returns the rows in total. */
  long prepare() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, "");
        PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          try (Statement s = c.createStatement()) {
            s.execute("create database " + database);
          }
        }
      }
    }
    long total = 0;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (int level = 0; level < LEVELS; level++) {
        long rows = people() * (LEVELS - level);
        if (count(c, table(level)) != rows) {
          s.execute("drop table if exists " + table(level));
          s.execute(String.format(Locale.ROOT, "create table %s as select 1 + (g %% %d) as customer_id, "
              + "'person' || (1 + (g %% %d)) || '@example.com' as email, (g %% 7) as segment, random() as score "
              + "from generate_series(0, %d) g", table(level), people(), people(), rows - 1));
          s.execute("create index " + table(level) + "_customer_idx on " + table(level) + " (customer_id)");
          s.execute("analyze " + table(level));
        }
        total += rows;
      }
    }
    return total;
  }

  /** Puts the person's rows back (as generated), so every round erases the same amount. */
  void restore(long person) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (int level = 0; level < LEVELS; level++) {
        s.execute("delete from " + table(level) + " where customer_id = " + person);
        s.execute(String.format(Locale.ROOT, "insert into %s select %d, 'person%d@example.com', %d, random() "
            + "from generate_series(1, %d)", table(level), person, person, person % 7, LEVELS - level));
      }
    }
  }

  /** The person's rows per table. */
  List<Long> rowsOf(long person) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = connect()) {
      for (int level = 0; level < LEVELS; level++) {
        try (PreparedStatement q = c.prepareStatement("select count(*) from " + table(level)
            + " where customer_id = ?")) {
          q.setLong(1, person);
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            out.add(rs.getLong(1));
          }
        }
      }
    }
    return out;
  }

  /** The baseline: the same DELETEs, one transaction per table, issued directly. */
  long deleteDirectly(long person) throws SQLException {
    long deleted = 0;
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      for (int level = 0; level < LEVELS; level++) {
        try (PreparedStatement ps = c.prepareStatement("delete from " + table(level) + " where customer_id = ?")) {
          ps.setLong(1, person);
          deleted += ps.executeUpdate();
        }
        c.commit();
      }
    }
    return deleted;
  }

  private static long count(Connection c, String table) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException missing) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // autocommit: nothing to roll back
      }
      return -1;
    }
  }
}
