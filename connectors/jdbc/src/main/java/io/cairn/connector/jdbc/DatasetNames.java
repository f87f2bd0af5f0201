package io.cairn.connector.jdbc;

import io.cairn.spi.data.DatasetRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names tables and queries as OpenLineage datasets (see the package documentation). */
final class DatasetNames {
  private static final Pattern FIRST_TABLE = Pattern.compile(
      "(?is)\\bfrom\\s+((?:\"[^\"]+\"|`[^`]+`|[\\p{L}_][\\p{L}\\p{N}_$]*)"
          + "(?:\\s*\\.\\s*(?:\"[^\"]+\"|`[^`]+`|[\\p{L}_][\\p{L}\\p{N}_$]*)){0,2})");

  private DatasetNames() {}

  /** {@code postgres://host:port}, {@code mysql://host:port} or {@code h2:<location>}. */
  static String namespace(Dialect dialect, String url) {
    return switch (dialect) {
      case POSTGRESQL -> "postgres://" + hostPort(url, 5432);
      case MARIADB -> "mysql://" + hostPort(url, 3306);
      case H2 -> {
        String location = Connections.redact(url).substring("jdbc:h2:".length());
        yield "h2:" + (location.startsWith("file:") ? location.substring("file:".length()) : location);
      }
    };
  }

  static DatasetRef table(Dialect dialect, String url, TableName resolved) {
    return new DatasetRef(namespace(dialect, url), resolved.datasetName());
  }

  /** A query is named after the first table it reads from, or by a hash of its text. */
  static DatasetRef query(Dialect dialect, String url, Connection c, String query) throws SQLException {
    Optional<TableName> first = firstTable(query, dialect);
    if (first.isPresent()) {
      TableName t = first.get();
      return table(dialect, url, t.find(c, dialect).orElse(t.withDefaults(c, dialect)));
    }
    return new DatasetRef(namespace(dialect, url), "query:" + sha1(query.strip()).substring(0, 12));
  }

  /**
   * The first table named after a {@code FROM} outside parentheses (so not {@code EXTRACT(YEAR FROM x)}), else
   * the first one anywhere (a query over a subquery).
   */
  static Optional<TableName> firstTable(String query, Dialect dialect) {
    Matcher m = FIRST_TABLE.matcher(query);
    String anywhere = null;
    while (m.find()) {
      String name = m.group(1).replaceAll("\\s+", "");
      if (name.equalsIgnoreCase("select") || name.equalsIgnoreCase("lateral")) {
        continue;
      }
      if (depth(query, m.start()) == 0) {
        return Optional.of(TableName.parse(name, dialect));
      }
      anywhere = anywhere == null ? name : anywhere;
    }
    return Optional.ofNullable(anywhere).map(n -> TableName.parse(n, dialect));
  }

  private static int depth(String text, int end) {
    int depth = 0;
    for (int i = 0; i < end; i++) {
      depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
    }
    return depth;
  }

  private static String hostPort(String url, int defaultPort) {
    int start = url.indexOf("//");
    if (start < 0) {
      return "localhost:" + defaultPort;
    }
    String rest = url.substring(start + 2);
    int end = rest.length();
    for (char c : new char[] {'/', '?', ',', ';'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String hostPort = rest.substring(0, end);
    int at = hostPort.lastIndexOf('@');
    hostPort = hostPort.substring(at + 1);
    boolean hasPort = hostPort.startsWith("[") ? hostPort.contains("]:") : hostPort.contains(":");
    String host = hostPort.isEmpty() ? "localhost" : hostPort;
    return hasPort ? host : host + ":" + defaultPort;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
