package io.cairn.profiles.traits;

import io.cairn.profiles.traits.Expressions.Condition;
import io.cairn.profiles.traits.TraitDefinition.NamedRule;
import io.cairn.profiles.traits.TraitDefinition.TraitSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a {@link TraitDefinition}'s traits from facts that arrive in any number of batches: facts are
 * folded into small per-profile accumulators, so memory grows with profiles, not facts. RFM scores are
 * quintiles over the profiles seen. Not thread-safe.
 */
public final class TraitEngine {
  private final TraitDefinition definition;
  private final List<Aggregate> aggregates = new ArrayList<>();
  private final List<Map.Entry<String, Condition>> segments = new ArrayList<>();
  private final List<Map.Entry<String, Condition>> lifecycle = new ArrayList<>();
  private final List<Map.Entry<String, Condition>> tags = new ArrayList<>();
  private final Map<String, Accumulator> profiles = new TreeMap<>();

  public TraitEngine(TraitDefinition definition) {
    this.definition = definition;
    definition.traits().forEach(t -> aggregates.add(Aggregate.parse(t.aggregate())));
    if (definition.rfm() != null) {
      compile(definition.rfm().segments(), segments);
    }
    compile(definition.lifecycle(), lifecycle);
    compile(definition.tags(), tags);
  }

  private static void compile(List<NamedRule> rules, List<Map.Entry<String, Condition>> into) {
    (rules == null ? List.<NamedRule>of() : rules).forEach(r -> into.add(Map.entry(r.name(), Expressions.compile(r.when()))));
  }

  /**
   * Folds facts in.
   *
   * @throws IllegalArgumentException when a numeric aggregate meets a value that is not a number
   */
  public void add(Iterable<Fact> facts) {
    for (Fact f : facts) {
      profiles.computeIfAbsent(f.profileId(), k -> new Accumulator(definition.traits().size())).add(f);
    }
  }

  /** The number of profiles seen. */
  public int profileCount() {
    return profiles.size();
  }

  /**
   * The traits of every profile seen, by profile id, as of {@code asOf}.
   *
   * @throws IllegalArgumentException when a rule's expression fails on the traits
   */
  public Map<String, ProfileTraits> compute(Instant asOf) {
    List<String> ids = new ArrayList<>(profiles.keySet());
    List<Map<String, Object>> values = new ArrayList<>();
    for (String id : ids) {
      values.add(profiles.get(id).traits(asOf));
    }
    if (definition.rfm() != null && !ids.isEmpty()) {
      score(values, definition.rfm().recency(), "r", false);
      score(values, definition.rfm().frequency(), "f", true);
      score(values, definition.rfm().monetary(), "m", true);
      values.forEach(v -> v.put("rfm_segment", first(segments, v)));
    }
    if (!lifecycle.isEmpty()) {
      values.forEach(v -> v.put("lifecycle", first(lifecycle, v)));
    }
    Map<String, ProfileTraits> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, Object> v = values.get(i);
      List<String> applied = tags.stream().filter(t -> t.getValue().test(v)).map(Map.Entry::getKey).toList();
      out.put(ids.get(i), new ProfileTraits(ids.get(i), v, applied, definition.version()));
    }
    return out;
  }

  private static void score(List<Map<String, Object>> values, String trait, String as, boolean higherIsBetter) {
    double[] x = values.stream().mapToDouble(v -> ((Number) v.get(trait)).doubleValue()).toArray();
    int[] s = Quintiles.scores(x, higherIsBetter);
    for (int i = 0; i < s.length; i++) {
      values.get(i).put(as, s[i]);
    }
  }

  private static String first(List<Map.Entry<String, Condition>> rules, Map<String, Object> v) {
    return rules.stream().filter(r -> r.getValue().test(v)).map(Map.Entry::getKey).findFirst().orElse(null);
  }

  /** The facts of one profile folded: counts, times, and per trait its running figures. */
  private final class Accumulator {
    private long count;
    private Instant first;
    private Instant last;
    private final double[] sum;
    private final double[] min;
    private final double[] max;
    private final long[] n;
    private final List<Map<String, Long>> seen = new ArrayList<>();
    private final List<String> lastSeen = new ArrayList<>();

    Accumulator(int traits) {
      sum = new double[traits];
      min = new double[traits];
      max = new double[traits];
      n = new long[traits];
      java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < traits; i++) {
        seen.add(new HashMap<>());
        lastSeen.add(null);
      }
    }

    void add(Fact f) {
      count++;
      first = first == null || f.at().isBefore(first) ? f.at() : first;
      last = last == null || f.at().isAfter(last) ? f.at() : last;
      for (int i = 0; i < aggregates.size(); i++) {
        TraitSpec spec = definition.traits().get(i);
        Object raw = spec.of() == null ? null : f.values().get(spec.of());
        if (raw == null) {
          continue;
        }
        switch (aggregates.get(i)) {
          case SUM, AVG, MIN, MAX -> {
            double x = number(spec, raw);
            sum[i] += x;
            min[i] = Math.min(min[i], x);
            max[i] = Math.max(max[i], x);
            n[i]++;
          }
          case DISTINCT, MODE -> {
            seen.get(i).merge(raw.toString(), 1L, Long::sum);
            lastSeen.set(i, raw.toString());
          }
          default -> { }
        }
      }
    }

    Map<String, Object> traits(Instant asOf) {
      Map<String, Object> t = new LinkedHashMap<>();
      for (int i = 0; i < aggregates.size(); i++) {
        String name = definition.traits().get(i).name();
        t.put(name, switch (aggregates.get(i)) {
          case COUNT -> count;
          case SUM -> sum[i];
          case AVG -> n[i] == 0 ? null : sum[i] / n[i];
          case MIN -> n[i] == 0 ? null : min[i];
          case MAX -> n[i] == 0 ? null : max[i];
          case DAYS_SINCE_LAST -> Duration.between(last, asOf).toDays();
          case DAYS_SINCE_FIRST -> Duration.between(first, asOf).toDays();
          case DISTINCT -> (long) seen.get(i).size();
          case MODE -> mode(i);
        });
      }
      return t;
    }

    private String mode(int i) {
      Map<String, Long> counts = seen.get(i);
      long best = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
      String tie = lastSeen.get(i);
      if (tie != null && counts.get(tie) == best) {
        return tie;
      }
      return counts.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).sorted()
          .findFirst().orElse(null);
    }

    private static double number(TraitSpec spec, Object raw) {
      return switch (raw) {
        case BigDecimal b -> b.doubleValue();
        case Number x -> x.doubleValue();
        default -> {
          try {
            yield Double.parseDouble(raw.toString().strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("trait '" + spec.name() + "': field '" + spec.of() + "' holds '"
                + raw + "', not a number", e);
          }
        }
      };
    }
  }
}
