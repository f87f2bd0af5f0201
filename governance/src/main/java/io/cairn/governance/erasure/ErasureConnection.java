package io.cairn.governance.erasure;

import java.util.Objects;

/**
 * How erasure reaches the datasets of one OpenLineage namespace (e.g. {@code postgres://127.0.0.1:5432}).
 * For PostgreSQL the URL's database is replaced by each dataset's database. {@link #toString()} never shows
 * the password.
 */
public record ErasureConnection(String namespace, String url, String user, String password) {
  public ErasureConnection {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")
        && !url.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException("erasure connection for " + namespace
          + ": the URL must be a PostgreSQL, MariaDB/MySQL or H2 JDBC URL");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  @Override
  public String toString() {
    return "ErasureConnection[" + namespace + ", " + url.replaceAll("(?i)password=[^&;]*", "password=******")
        + ", " + user + "]";
  }
}
