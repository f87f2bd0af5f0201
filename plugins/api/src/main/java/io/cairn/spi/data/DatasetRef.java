package io.cairn.spi.data;

import java.util.Objects;

/**
 * A dataset, named as OpenLineage names it: a namespace for the data source (e.g.
 * {@code postgres://db.example:5432}, {@code kafka://broker:9092}, {@code file}) and a name within it
 * (e.g. {@code shop.public.orders}, a topic, a path).
 */
public record DatasetRef(String namespace, String name) {
  public DatasetRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("dataset namespace and name must not be blank");
    }
    if (namespace.length() > 512 || name.length() > 1024) {
      throw new IllegalArgumentException("dataset namespace or name too long");
    }
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
