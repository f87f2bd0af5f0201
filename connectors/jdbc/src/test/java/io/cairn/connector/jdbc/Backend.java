package io.cairn.connector.jdbc;

import io.cairn.spi.data.DatasetRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One database a test runs against, with what differs between them. */
record Backend(Dialect dialect, DatabaseServers.Database db) {
  /** Creates a fresh database on each server; close them with {@link #dropAll}. */
  static List<Backend> createAll(Path h2Dir) throws Exception {
    return List.of(new Backend(Dialect.POSTGRESQL, DatabaseServers.postgres()),
        new Backend(Dialect.MARIADB, DatabaseServers.mariadb()),
        new Backend(Dialect.H2, DatabaseServers.h2(h2Dir)));
  }

  static void dropAll(List<Backend> backends) {
    if (backends != null) {
      backends.forEach(b -> b.db().close());
    }
  }

  Connection connect() throws SQLException {
    return db.connect();
  }

  /** Connector configuration: url and user, then the given key/value pairs. */
  Map<String, String> config(String... keyValues) {
    Map<String, String> config = new HashMap<>(Map.of("url", db.url(), "user", db.user()));
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  /** The type of a timestamp column in test tables (with a time zone where the database has one). */
  String timestampType() {
    return dialect == Dialect.MARIADB ? "DATETIME(6)" : "TIMESTAMP WITH TIME ZONE";
  }

  /** The kind a watermark on such a column has in offsets. */
  String timestampKind() {
    return dialect == Dialect.MARIADB ? "TIMESTAMP" : "TIMESTAMPTZ";
  }

  /** An instant as a parameter for such a column. */
  Object timestamp(Instant instant) {
    return dialect == Dialect.MARIADB
        ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
        : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The dataset of a table created with an unquoted name in the test DDL. */
  DatasetRef dataset(String unquotedTable) {
    return switch (dialect) {
      case POSTGRESQL -> new DatasetRef("postgres://127.0.0.1:5432", db.name() + ".public." + unquotedTable);
      case MARIADB -> new DatasetRef("mysql://127.0.0.1:3306", db.name() + "." + unquotedTable);
      case H2 -> new DatasetRef("h2:" + db.url().substring("jdbc:h2:".length()),
          (db.name() + ".PUBLIC." + unquotedTable).toUpperCase(Locale.ROOT));
    };
  }

  @Override
  public String toString() {
    return dialect.product();
  }
}
