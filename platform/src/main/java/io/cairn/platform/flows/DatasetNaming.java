package io.cairn.platform.flows;

import io.cairn.spi.data.DatasetRef;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Endpoint;
import org.apache.camel.util.URISupport;

/**
 * Names the dataset behind a plain Camel endpoint, after OpenLineage's naming conventions
 * ({@code file} + absolute path, {@code kafka://bootstrap} + topic, {@code <scheme>://host:port} + path).
 * Endpoints that only move messages inside Cairn (direct, seda, log, timer, ...) carry no dataset.
 */
public final class DatasetNaming {
  private static final Set<String> NOT_DATA = Set.of("direct", "direct-vm", "seda", "vm", "log", "timer",
      "scheduler", "bean", "class", "controlbus", "language", "ref", "stub", "cairn");

  private DatasetNaming() {}

  public static Optional<DatasetRef> of(Endpoint endpoint) {
    String uri = URISupport.sanitizeUri(endpoint.getEndpointUri());
    int colon = uri.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    if (NOT_DATA.contains(scheme)) {
      return Optional.empty();
    }
    String rest = uri.substring(colon + 1);
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    String query = rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "";
    if (path.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(switch (scheme) {
      case "file" -> new DatasetRef("file", Path.of(uri.substring(colon + 1).split("\\?")[0]).toAbsolutePath().normalize().toString());
      case "kafka" -> new DatasetRef("kafka://" + param(query, "brokers").orElse("unknown"), path);
      default -> hostBased(scheme, path);
    });
  }

  private static DatasetRef hostBased(String scheme, String path) {
    try {
      URI u = URI.create(scheme + "://" + path);
      if (u.getHost() != null) {
        String ns = scheme + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        String name = u.getPath() == null || u.getPath().isBlank() ? "/" : u.getPath();
        return new DatasetRef(ns, name);
      }
    } catch (IllegalArgumentException notAUri) {
      // fall through: name the dataset by its path
    }
    return new DatasetRef(scheme, path);
  }

  private static Optional<String> param(String query, String name) {
    for (String kv : query.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0 && kv.substring(0, eq).equals(name)) {
        return Optional.of(kv.substring(eq + 1));
      }
    }
    return Optional.empty();
  }
}
