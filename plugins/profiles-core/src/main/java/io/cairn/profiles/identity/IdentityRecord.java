package io.cairn.profiles.identity;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record about a person as a source delivered it: raw identifiers and descriptive attributes (names,
 * address, birth date, ...). Blank values are dropped. Immutable.
 *
 * @param recordId unique among the records given to one graph, e.g. {@code crm:C000123}
 * @param source the system it came from; survivorship may rank sources
 * @param seenAt when the source last saw it; survivorship may prefer the most recent
 * @param identifiers raw identifier values by type
 * @param attributes raw attribute values by name
 */
public record IdentityRecord(
    String recordId,
    String source,
    Instant seenAt,
    Map<IdentifierType, String> identifiers,
    Map<String, String> attributes) {

  public IdentityRecord {
    Objects.requireNonNull(recordId, "recordId");
    if (recordId.isBlank()) {
      throw new IllegalArgumentException("a record needs a non-blank id");
    }
    source = source == null ? "" : source;
    seenAt = seenAt == null ? Instant.EPOCH : seenAt;
    Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
    identifiers.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        ids.put(k, v);
      }
    });
    identifiers = Map.copyOf(ids);
    Map<String, String> attrs = new LinkedHashMap<>();
    attributes.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        attrs.put(k, v);
      }
    });
    attributes = Map.copyOf(attrs);
  }

  /** The raw value of an identifier, or null. */
  public String identifier(IdentifierType type) {
    return identifiers.get(type);
  }

  /** The raw value of an attribute, or null. */
  public String attribute(String name) {
    return attributes.get(name);
  }
}
