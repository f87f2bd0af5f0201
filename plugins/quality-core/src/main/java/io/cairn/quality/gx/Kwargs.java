package io.cairn.quality.gx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The kwargs of one expectation, read by type; every problem becomes a {@link BadExpectationException}. */
final class Kwargs {
  /** Kwargs GX accepts on every expectation; they change nothing here. */
  private static final Set<String> GENERIC = Set.of("result_format", "include_config", "catch_exceptions", "meta");

  private final String type;
  private final Map<String, Object> raw;
  private final Set<String> read = new HashSet<>(GENERIC);

  Kwargs(Expectation e) {
    this.type = e.type();
    this.raw = e.kwargs();
  }

  BadExpectationException bad(String problem) {
    return new BadExpectationException(type + ": " + problem);
  }

  String column(String key) {
    read.add(key);
    Object v = raw.get(key);
    if (!(v instanceof String s) || s.isEmpty()) {
      throw bad("kwarg '" + key + "' is required and must be a column name");
    }
    return s;
  }

  /** A scalar bound (number, text or date text), or null. */
  Object bound(String key) {
    read.add(key);
    Object v = raw.get(key);
    if (v instanceof Map || v instanceof Collection || v instanceof Boolean) {
      throw bad("kwarg '" + key + "' must be a number or a string, not " + v);
    }
    return v;
  }

  Double number(String key) {
    Object v = bound(key);
    if (v != null && !(v instanceof Number)) {
      throw bad("kwarg '" + key + "' must be a number, not '" + v + "'");
    }
    return v == null ? null : ((Number) v).doubleValue();
  }

  Integer integer(String key, boolean required) {
    Double d = number(key);
    if (d == null && required) {
      throw bad("kwarg '" + key + "' is required");
    }
    if (d != null && (d != Math.floor(d) || d < 0)) {
      throw bad("kwarg '" + key + "' must be a non-negative integer, not " + raw.get(key));
    }
    return d == null ? null : d.intValue();
  }

  boolean bool(String key, boolean fallback) {
    read.add(key);
    Object v = raw.get(key);
    if (v != null && !(v instanceof Boolean)) {
      throw bad("kwarg '" + key + "' must be true or false, not '" + v + "'");
    }
    return v == null ? fallback : (Boolean) v;
  }

  String choice(String key, String fallback, List<String> choices) {
    read.add(key);
    Object v = raw.get(key);
    if (v == null) {
      return fallback;
    }
    if (!choices.contains(v.toString())) {
      throw bad("kwarg '" + key + "' must be one of " + choices + ", not '" + v + "'");
    }
    return v.toString();
  }

  List<Object> list(String key) {
    read.add(key);
    Object v = raw.get(key);
    if (!(v instanceof Collection<?> c)) {
      throw bad("kwarg '" + key + "' is required and must be a list");
    }
    return new ArrayList<>(c);
  }

  String string(String key) {
    read.add(key);
    Object v = raw.get(key);
    if (!(v instanceof String s)) {
      throw bad("kwarg '" + key + "' is required and must be a string");
    }
    return s;
  }

  /** GX's {@code mostly}: null, or a number in [0, 1]. */
  Double mostly() {
    Double m = number("mostly");
    if (m != null && (m < 0 || m > 1)) {
      throw bad("kwarg 'mostly' must be between 0 and 1, not " + m);
    }
    return m;
  }

  /** min_value and max_value, at least one given (GX refuses both None). */
  Object[] bounds() {
    Object min = bound("min_value");
    Object max = bound("max_value");
    if (min == null && max == null) {
      throw bad("min_value and max_value cannot both be None");
    }
    return new Object[] {min, max, bool("strict_min", false), bool("strict_max", false)};
  }

  /** Refuses kwargs this expectation does not know (typos would otherwise pass silently). */
  void done() {
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw bad("unknown kwargs " + unknown);
    }
  }
}
