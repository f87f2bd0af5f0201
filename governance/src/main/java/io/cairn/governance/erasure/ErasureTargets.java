package io.cairn.governance.erasure;

import io.cairn.catalog.erasure.ErasureDatasetEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reaches the data behind datasets: JDBC tables through the configured connection of their namespace, files
 * in the {@code file} namespace. Immutable and thread-safe.
 */
public final class ErasureTargets {
  static final String FILE_NAMESPACE = "file";
  private final Map<String, ErasureConnection> byNamespace;

  public ErasureTargets(List<ErasureConnection> connections) {
    this.byNamespace = connections.stream()
        .collect(Collectors.toUnmodifiableMap(ErasureConnection::namespace, Function.identity(), (a, b) -> {
          throw new IllegalArgumentException("two erasure connections for namespace " + a.namespace());
        }));
  }

  /** The configured connections. */
  public List<ErasureConnection> connections() {
    return List.copyOf(byNamespace.values());
  }

  /** The table of a JDBC dataset, when its namespace has a connection. */
  Optional<JdbcTable> table(String namespace, String name) {
    return Optional.ofNullable(byNamespace.get(namespace)).map(c -> JdbcTable.of(c, name));
  }

  /** Whether the dataset is a file. */
  static boolean isFile(ErasureDatasetEntry d) {
    return FILE_NAMESPACE.equals(d.namespace()) || d.namespace().startsWith("file:");
  }
}
