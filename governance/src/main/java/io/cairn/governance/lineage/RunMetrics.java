package io.cairn.governance.lineage;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics one run reported so far, per metric set name (e.g. {@code quality}, {@code consent}) and key.
 * Counts are additive: each report is one batch's counts and is added to what was there. Thread-safe.
 */
final class RunMetrics {
  private final Map<String, Map<String, Double>> byName = new ConcurrentHashMap<>();

  /** Adds one batch's counts to the set {@code name}; null or non-finite values are ignored. */
  void add(String name, Map<String, Double> counts) {
    if (name == null || name.isBlank() || counts == null || counts.isEmpty()) {
      return;
    }
    Map<String, Double> set = byName.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
    counts.forEach((key, value) -> {
      if (key != null && value != null && Double.isFinite(value)) {
        set.merge(key, value, Double::sum);
      }
    });
  }

  /** A sorted copy of one set, empty when nothing was reported under that name. */
  Map<String, Double> get(String name) {
    Map<String, Double> set = byName.get(name);
    return set == null ? Map.of() : new TreeMap<>(set);
  }

  /** Sorted copies of every set except {@code excluded}. */
  Map<String, Map<String, Double>> allBut(String excluded) {
    Map<String, Map<String, Double>> out = new TreeMap<>();
    byName.forEach((name, set) -> {
      if (!name.equals(excluded) && !set.isEmpty()) {
        out.put(name, new TreeMap<>(set));
      }
    });
    return out;
  }
}
