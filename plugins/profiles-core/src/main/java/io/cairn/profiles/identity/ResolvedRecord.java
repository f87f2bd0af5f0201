package io.cairn.profiles.identity;

import java.text.Normalizer.Form;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A record as the matcher sees it: identifiers normalised (erased ones left out) and attributes in
 * canonical text (lower case, no accents, single spaces). Immutable.
 */
final class ResolvedRecord {
  private final IdentityRecord record;
  private final Map<IdentifierType, String> identifiers;
  private final Map<String, String> attributes;

  ResolvedRecord(IdentityRecord record, Normalizer normalizer, Set<String> tombstones) {
    this.record = record;
    Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
    record.identifiers().forEach((type, raw) -> {
      String v = normalizer.normalise(type, raw);
      if (v != null && (tombstones.isEmpty() || !tombstones.contains(tombstone(type, v)))) {
        ids.put(type, v);
      }
    });
    this.identifiers = ids;
    if (record.attributes().isEmpty()) {
      this.attributes = Map.of();
      return;
    }
    Map<String, String> attrs = new HashMap<>();
    record.attributes().forEach((k, v) -> {
      String c = canonical(v);
      if (!c.isEmpty()) {
        attrs.put(k, c);
      }
    });
    this.attributes = attrs;
  }

  /** The tombstone entry of an erased identifier: the SHA-256 hex of {@code type:normalised}. */
  static String tombstone(IdentifierType type, String normalised) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest((type.configName() + ":" + normalised).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Lower case, accents removed, runs of whitespace as one space, trimmed. */
  static String canonical(String text) {
    String s = java.text.Normalizer.normalize(text, Form.NFKD).replaceAll("\\p{M}+", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  IdentityRecord record() {
    return record;
  }

  String identifier(IdentifierType type) {
    return identifiers.get(type);
  }

  Map<IdentifierType, String> identifiers() {
    return identifiers;
  }

  String attribute(String name) {
    return attributes.get(name);
  }
}
