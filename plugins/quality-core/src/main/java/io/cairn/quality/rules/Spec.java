package io.cairn.quality.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One rule or fix entry as written, read by key with its problems collected. Not thread-safe. */
final class Spec {
  private final String where;
  private final Map<String, Object> raw;
  private final Set<String> read = new HashSet<>();
  private final List<String> problems;

  Spec(String where, Map<String, Object> raw, List<String> problems) {
    this.where = where;
    this.raw = raw;
    this.problems = problems;
  }

  String where() {
    return where;
  }

  Object raw(String key) {
    read.add(key);
    return raw.get(key);
  }

  boolean has(String key) {
    read.add(key);
    return raw.get(key) != null;
  }

  String string(String key, String fallback) {
    Object v = raw(key);
    return v == null ? fallback : v.toString();
  }

  String required(String key) {
    String v = string(key, null);
    if (v == null || v.isBlank()) {
      problem("needs '" + key + "'");
    }
    return v;
  }

  Double number(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      problem("'" + key + "' must be a number, not '" + v + "'");
      return null;
    }
  }

  Integer integer(String key) {
    Double d = number(key);
    return d == null ? null : d.intValue();
  }

  boolean bool(String key) {
    Object v = raw(key);
    return v != null && Boolean.parseBoolean(v.toString());
  }

  /** A list, or a single value as a list of one, or a comma-separated string. */
  List<Object> list(String key) {
    Object v = raw(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return new ArrayList<>(List.of((Object[]) v.toString().split("\\s*,\\s*")));
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem("'" + key + "' must be one of " + List.of(type.getEnumConstants()).stream()
          .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + v + "'");
      return fallback;
    }
  }

  /** A nested entry (e.g. a check's {@code fix}): a map, or a bare name for {@code {fix: name}}. */
  Spec nested(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = v instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("fix", v);
    return new Spec(where + "." + key, m, problems);
  }

  void problem(String text) {
    problems.add(where + ": " + text);
  }

  /** Reports the keys that no one read: typos and options of other rules. */
  void checkUnknownKeys() {
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      problem("unknown key(s) " + unknown);
    }
  }
}
