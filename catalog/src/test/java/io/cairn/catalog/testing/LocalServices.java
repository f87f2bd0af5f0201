package io.cairn.catalog.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The machine's real PostgreSQL for tests: started if it is not running, and a fresh database per caller.
 * Shared with other modules through this module's test-jar.
 */
public final class LocalServices {
  public static final String PG_HOST = System.getenv().getOrDefault("CAIRN_TEST_PG_HOST", "127.0.0.1");
  public static final String PG_USER = System.getenv().getOrDefault("CAIRN_TEST_PG_USER", "postgres");

  private LocalServices() {}

  /** Creates a new, empty PostgreSQL database and returns its JDBC URL. */
  public static String createPostgresDatabase(String prefix) {
    ensurePostgres();
    String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(url("postgres"), PG_USER, "");
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  /** Drops a database created by {@link #createPostgresDatabase}, closing its connections. */
  public static void dropPostgresDatabase(String jdbcUrl) {
    String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    try (Connection c = DriverManager.getConnection(url("postgres"), PG_USER, "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
    }
  }

  public static String url(String database) {
    return "jdbc:postgresql://" + PG_HOST + ":5432/" + database;
  }

  /** Starts the machine's PostgreSQL cluster when it does not answer, and waits for it. */
  public static synchronized void ensurePostgres() {
    if (answers()) {
      return;
    }
    try {
      new ProcessBuilder("bash", "-c",
          "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | sort -V | tail -1) main start")
          .inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("PostgreSQL is not running and could not be started: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < 60 && !answers(); i++) {
      sleep(500);
    }
    if (!answers()) {
      throw new IllegalStateException("PostgreSQL does not answer on " + PG_HOST + ":5432 after starting it");
    }
  }

  private static boolean answers() {
    try (Connection c = DriverManager.getConnection(url("postgres"), PG_USER, "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The names of the SQL databases on the machine's PostgreSQL, for cleanup checks. */
  public static List<String> postgresDatabases() throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), PG_USER, "");
        var rs = c.createStatement().executeQuery("select datname from pg_database")) {
      List<String> names = new java.util.ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }
}
