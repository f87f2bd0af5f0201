package io.cairn.connector.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, user postgres, trust) and MariaDB (127.0.0.1:3306, root, no
 * password), started when they are not running, and one throw-away database per test class on each.
 */
final class DatabaseServers {
  static final String PG_HOST = "jdbc:postgresql://127.0.0.1:5432/";
  static final String MARIADB_HOST = "jdbc:mariadb://127.0.0.1:3306/";

  /** A database created for a test class; {@link #close} drops it. */
  record Database(String url, String user, String name, Runnable drop) implements AutoCloseable {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() {
      drop.run();
    }
  }

  private DatabaseServers() {}

  static Database postgres() throws Exception {
    String name = randomName();
    try (Connection admin = connectOrStart(PG_HOST + "postgres", "postgres", DatabaseServers::startPostgres)) {
      execute(admin, "CREATE DATABASE " + name);
    }
    return new Database(PG_HOST + name, "postgres", name,
        () -> adminRun(PG_HOST + "postgres", "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  }

  static Database mariadb() throws Exception {
    String name = randomName();
    try (Connection admin = connectOrStart(MARIADB_HOST, "root", DatabaseServers::startMariaDb)) {
      execute(admin, "CREATE DATABASE " + name);
    }
    return new Database(MARIADB_HOST + name, "root", name,
        () -> adminRun(MARIADB_HOST, "root", "DROP DATABASE IF EXISTS " + name));
  }

  static Database h2(Path dir) {
    String name = randomName();
    String url = "jdbc:h2:" + dir.resolve(name).toAbsolutePath();
    return new Database(url, "sa", name, () -> {});
  }

  static void execute(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static String randomName() {
    byte[] bytes = new byte[4];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "cairn_conn_" + HexFormat.of().formatHex(bytes);
  }

  private static void adminRun(String url, String user, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      execute(c, sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not clean up: " + sql, e);
    }
  }

  private static Connection connectOrStart(String url, String user, Runnable start) throws Exception {
    try {
      return DriverManager.getConnection(url, user, "");
    } catch (SQLException notRunning) {
      start.run();
      SQLException last = notRunning;
      for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; ) {
        try {
          return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
          last = e;
          Thread.sleep(500);
        }
      }
      throw last;
    }
  }

  private static void startPostgres() {
    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
      for (Path version : versions.toList()) {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version.getFileName().toString(), "main",
            "start"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("PostgreSQL is not installed here (/etc/postgresql)", e);
    }
  }

  private static void startMariaDb() {
    run(List.of("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"));
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      p.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
