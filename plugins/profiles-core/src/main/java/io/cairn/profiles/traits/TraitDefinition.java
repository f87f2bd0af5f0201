package io.cairn.profiles.traits;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A versioned declaration of traits and tags, written in YAML (see {@code retail-rfm.yml} beside this
 * class): aggregates of facts, optional RFM scoring with named segments, lifecycle stages and free tags,
 * the last three as ordered {@link NamedRule}s whose first match wins (tags: every match).
 *
 * @param version the definition's version, at least 1; stored with results so they can be traced to it
 * @param name the definition's name
 * @param traits aggregates, computed in order
 * @param rfm RFM scoring, or null
 * @param lifecycle lifecycle stages, first match wins; empty for none
 * @param tags tags, every matching one applies; empty for none
 */
public record TraitDefinition(
    int version, String name, List<TraitSpec> traits, Rfm rfm, List<NamedRule> lifecycle, List<NamedRule> tags) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** One trait: {@code name}, the {@link Aggregate} and the field it reads ({@code of}). */
  public record TraitSpec(String name, String aggregate, String of) {}

  /**
   * RFM scoring: the traits holding recency (days, lower is better), frequency and monetary value; each
   * becomes a quintile score 1..5 ({@code r}, {@code f}, {@code m}), and {@code segments} name the scores.
   */
  public record Rfm(String recency, String frequency, String monetary, List<NamedRule> segments) {}

  /** A name that applies when a JEXL condition over the traits holds. */
  public record NamedRule(String name, String when) {}

  public TraitDefinition {
    traits = traits == null ? List.of() : List.copyOf(traits);
    lifecycle = lifecycle == null ? List.of() : List.copyOf(lifecycle);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * Parses and checks a definition.
   *
   * @throws IllegalArgumentException listing every problem (YAML syntax, unknown keys, unknown aggregates,
   *     missing fields, references to undefined traits, expressions that do not parse)
   */
  public static TraitDefinition parse(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw new IllegalArgumentException("trait definition is empty");
    }
    TraitDefinition d;
    try {
      d = YAML.readValue(yaml, TraitDefinition.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("trait definition is not valid: " + e.getOriginalMessage(), e);
    }
    if (d == null) {
      throw new IllegalArgumentException("trait definition is empty");
    }
    List<String> problems = d.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid trait definition '" + d.name() + "' version " + d.version() + ": "
          + String.join("; ", problems));
    }
    return d;
  }

  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (version < 1) {
      problems.add("version must be 1 or more");
    }
    if (name == null || name.isBlank()) {
      problems.add("a name is required");
    }
    if (traits.isEmpty()) {
      problems.add("at least one trait is required");
    }
    Set<String> names = new HashSet<>(List.of("r", "f", "m", "rfm_segment", "lifecycle"));
    for (TraitSpec t : traits) {
      if (t.name() == null || !NAME.matcher(t.name()).matches()) {
        problems.add("trait name '" + t.name() + "' must be lower-case letters, digits and '_'");
      } else if (!names.add(t.name())) {
        problems.add("trait '" + t.name() + "' is declared twice or is reserved");
      }
      try {
        Aggregate a = Aggregate.parse(String.valueOf(t.aggregate()));
        if (a.needsField() && (t.of() == null || t.of().isBlank())) {
          problems.add("trait '" + t.name() + "': aggregate " + t.aggregate() + " needs a field ('of')");
        }
      } catch (IllegalArgumentException e) {
        problems.add("trait '" + t.name() + "': " + e.getMessage());
      }
    }
    if (rfm != null) {
      for (String ref : new String[] {rfm.recency(), rfm.frequency(), rfm.monetary()}) {
        if (ref == null || traits.stream().noneMatch(t -> ref.equals(t.name()))) {
          problems.add("rfm refers to '" + ref + "', which is not a declared trait");
        }
      }
      checkRules("rfm segment", rfm.segments(), problems);
    }
    checkRules("lifecycle stage", lifecycle, problems);
    checkRules("tag", tags, problems);
    return problems;
  }

  private static void checkRules(String kind, List<NamedRule> rules, List<String> problems) {
    for (NamedRule r : rules == null ? List.<NamedRule>of() : rules) {
      if (r.name() == null || r.name().isBlank()) {
        problems.add(kind + " without a name");
      }
      try {
        Expressions.compile(r.when());
      } catch (IllegalArgumentException e) {
        problems.add(kind + " '" + r.name() + "': " + e.getMessage());
      }
    }
  }
}
