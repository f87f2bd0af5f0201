package io.cairn.profiles.segments;

import io.cairn.profiles.traits.Expressions;
import io.cairn.profiles.traits.Expressions.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named rule segments: a profile is a member of every segment whose JEXL condition over its traits holds
 * (e.g. {@code high_value_at_risk: "rfm_segment == 'at_risk' && monetary > 500"}). Membership of two
 * evaluations compares as enter and exit events. Immutable and thread-safe.
 */
public final class RuleSegments {
  private final Map<String, Condition> segments = new LinkedHashMap<>();

  /** An enter or exit of one profile into or out of one segment. */
  public record Change(String segment, String profileId, boolean entered) {}

  /**
   * @param rules conditions by segment name, in evaluation order
   * @throws IllegalArgumentException naming the segment whose condition does not parse
   */
  public RuleSegments(Map<String, String> rules) {
    rules.forEach((name, when) -> {
      try {
        segments.put(name, Expressions.compile(when));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("segment '" + name + "': " + e.getMessage(), e);
      }
    });
  }

  /**
   * The segments one profile's traits satisfy, in rule order.
   *
   * @throws IllegalArgumentException when a condition cannot be evaluated on the traits
   */
  public List<String> segmentsOf(Map<String, Object> traits) {
    return segments.entrySet().stream().filter(e -> e.getValue().test(traits)).map(Map.Entry::getKey).toList();
  }

  /** The members of every segment, by segment name (sorted profile ids). */
  public Map<String, Set<String>> members(Map<String, Map<String, Object>> traitsByProfile) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    segments.keySet().forEach(s -> out.put(s, new TreeSet<>()));
    traitsByProfile.forEach((profile, traits) -> segments.forEach((name, condition) -> {
      if (condition.test(traits)) {
        out.get(name).add(profile);
      }
    }));
    return out;
  }

  /** What changed from one membership to the next: exits and enters, by segment then profile. */
  public static List<Change> changes(Map<String, Set<String>> before, Map<String, Set<String>> after) {
    List<Change> out = new ArrayList<>();
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String s : names) {
      Set<String> was = before.getOrDefault(s, Set.of());
      Set<String> is = after.getOrDefault(s, Set.of());
      Map<String, Boolean> moves = new TreeMap<>();
      was.stream().filter(p -> !is.contains(p)).forEach(p -> moves.put(p, false));
      is.stream().filter(p -> !was.contains(p)).forEach(p -> moves.put(p, true));
      moves.forEach((p, entered) -> out.add(new Change(s, p, entered)));
    }
    return out;
  }
}
