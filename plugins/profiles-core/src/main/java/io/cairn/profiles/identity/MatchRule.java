package io.cairn.profiles.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic matching rule: two records match when every listed identifier (normalised) and attribute
 * (case and spacing ignored) is present in both and equal. Written {@code email} or {@code device_id+birth_date}.
 *
 * @param name the rule as written, used in explanations
 * @param identifiers identifier types that must be equal
 * @param attributes attribute names that must be equal
 */
public record MatchRule(String name, List<IdentifierType> identifiers, List<String> attributes) {
  public MatchRule {
    identifiers = List.copyOf(identifiers);
    attributes = List.copyOf(attributes);
    if (identifiers.isEmpty() && attributes.isEmpty()) {
      throw new IllegalArgumentException("a match rule needs at least one identifier or attribute");
    }
  }

  /**
   * Parses {@code part+part+...}; each part is an identifier type ({@code email}, {@code phone},
   * {@code user_id}, ...) or else an attribute name.
   *
   * @throws IllegalArgumentException on an empty rule or part
   */
  public static MatchRule parse(String spec) {
    List<IdentifierType> ids = new ArrayList<>();
    List<String> attrs = new ArrayList<>();
    String s = spec.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty match rule");
    }
    for (String part : s.split("\\+", -1)) {
      String p = part.strip();
      if (p.isEmpty()) {
        throw new IllegalArgumentException("match rule '" + spec + "' has an empty part");
      }
      if (IdentifierType.isType(p)) {
        ids.add(IdentifierType.parse(p));
      } else {
        attrs.add(p);
      }
    }
    return new MatchRule(s.toLowerCase(Locale.ROOT), ids, attrs);
  }

  /** Parses each spec with {@link #parse}. */
  public static List<MatchRule> parseAll(List<String> specs) {
    return specs.stream().map(MatchRule::parse).toList();
  }

  /**
   * The key equal records share under this rule (keys of different rules are kept apart by the caller), or
   * null when the record lacks a part: a rule of one identifier uses the normalised identifier itself.
   */
  String key(ResolvedRecord r) {
    if (attributes.isEmpty() && identifiers.size() == 1) {
      return r.identifier(identifiers.get(0));
    }
    StringBuilder sb = new StringBuilder();
    for (IdentifierType t : identifiers) {
      String v = r.identifier(t);
      if (v == null) {
        return null;
      }
      sb.append(v).append('|');
    }
    for (String a : attributes) {
      String v = r.attribute(a);
      if (v == null) {
        return null;
      }
      sb.append(v).append('|');
    }
    return sb.toString();
  }

  /** The evidence of a match on {@code key}, e.g. {@code email=jane@example.com}. */
  String evidence(ResolvedRecord r) {
    if (attributes.isEmpty() && identifiers.size() == 1) {
      return identifiers.get(0).configName() + "=" + r.identifier(identifiers.get(0));
    }
    List<String> parts = new ArrayList<>();
    identifiers.forEach(t -> parts.add(t.configName() + "=" + r.identifier(t)));
    attributes.forEach(a -> parts.add(a + "=" + r.attribute(a)));
    return String.join(", ", parts);
  }
}
