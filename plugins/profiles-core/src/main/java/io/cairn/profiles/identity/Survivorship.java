package io.cairn.profiles.identity;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chooses a profile's golden attribute values from its records: per attribute the value of the most recent
 * record, the most frequent value, or the value from the best-ranked source. Ties go to the more recent
 * record, then the better-ranked source. Immutable and thread-safe.
 *
 * @param defaultStrategy the strategy of attributes not listed in {@code strategies}
 * @param strategies strategies by attribute name
 * @param sourcePriority sources, best first; unlisted sources rank after all listed ones
 */
public record Survivorship(
    Strategy defaultStrategy, Map<String, Strategy> strategies, List<String> sourcePriority) {

  /** How one attribute's surviving value is chosen. */
  public enum Strategy {
    MOST_RECENT,
    MOST_FREQUENT,
    SOURCE_PRIORITY;

    /**
     * The strategy written as {@code most_recent}, {@code most_frequent} or {@code source_priority}.
     *
     * @throws IllegalArgumentException naming the strategies when the name is unknown
     */
    public static Strategy parse(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown survivorship strategy '" + name + "' (use most_recent, most_frequent or source_priority)", e);
      }
    }
  }

  public Survivorship {
    strategies = Map.copyOf(strategies);
    sourcePriority = List.copyOf(sourcePriority);
  }

  /** The most recent value of every attribute. */
  public static Survivorship mostRecent() {
    return new Survivorship(Strategy.MOST_RECENT, Map.of(), List.of());
  }

  /** The golden attributes of a profile's records, by attribute name in sorted order. */
  public Map<String, String> golden(List<IdentityRecord> records) {
    TreeSet<String> names = new TreeSet<>();
    records.forEach(r -> names.addAll(r.attributes().keySet()));
    Map<String, String> out = new TreeMap<>();
    for (String name : names) {
      List<IdentityRecord> holders = records.stream().filter(r -> r.attribute(name) != null).toList();
      out.put(name, choose(strategies.getOrDefault(name, defaultStrategy), name, holders));
    }
    return out;
  }

  private String choose(Strategy strategy, String name, List<IdentityRecord> holders) {
    Comparator<IdentityRecord> recency = Comparator.comparing(IdentityRecord::seenAt);
    Comparator<IdentityRecord> rank = Comparator.comparingInt(this::rank).reversed();
    Comparator<IdentityRecord> order = switch (strategy) {
      case MOST_RECENT -> recency.thenComparing(rank);
      case SOURCE_PRIORITY -> rank.thenComparing(recency);
      case MOST_FREQUENT -> {
        Map<String, Integer> counts = new HashMap<>();
        holders.forEach(r -> counts.merge(r.attribute(name), 1, Integer::sum));
        yield Comparator.<IdentityRecord>comparingInt(r -> counts.get(r.attribute(name)))
            .thenComparing(recency).thenComparing(rank);
      }
    };
    return holders.stream().max(order).orElseThrow().attribute(name);
  }

  /** The source's position in the priority list, unlisted sources last. */
  private int rank(IdentityRecord r) {
    int i = sourcePriority.indexOf(r.source());
    return i < 0 ? sourcePriority.size() : i;
  }
}
