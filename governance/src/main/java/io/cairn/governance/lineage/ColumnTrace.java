package io.cairn.governance.lineage;

import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.ColumnDerivation.Kind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each column of a batch comes from: for every column, the source fields it derives from with the
 * strongest transformation on the way (identity &lt; derived &lt; masked &lt; aggregated: a value
 * derived from a masked one, or masked after a derivation, stays masked), and the
 * classification tags it carries. Built at the read, advanced through each step by the step's declared
 * derivations (undeclared columns pass through as identity), and read at the write. Immutable.
 */
record ColumnTrace(Map<String, Map<Field, Kind>> origins, Map<String, Set<String>> tags, Set<String> pinned) {

  /** A field of a source dataset. */
  record Field(DatasetRef dataset, String name) {}

  /**
   * @param pinned the columns whose tags a steward overrode at the read: the tags the batch's schema declares
   *     no longer add to theirs
   */
  ColumnTrace {
    origins = Map.copyOf(origins);
    tags = Map.copyOf(tags);
    pinned = Set.copyOf(pinned);
  }

  ColumnTrace(Map<String, Map<Field, Kind>> origins, Map<String, Set<String>> tags) {
    this(origins, tags, Set.of());
  }

  /**
   * Every column of a source batch is its own origin, with the tags its schema declares and the tags lineage
   * already carried to that column of the dataset ({@code known}, e.g. from the flow that wrote it), except
   * the columns a steward overrode ({@code overridden}): those carry exactly the override.
   */
  static ColumnTrace read(DatasetRef source, Schema schema, Map<String, Set<String>> known,
      Map<String, Set<String>> overridden) {
    Map<String, Map<Field, Kind>> origins = new HashMap<>();
    Map<String, Set<String>> tags = new HashMap<>();
    for (Column c : schema.columns()) {
      origins.put(c.name(), Map.of(new Field(source, c.name()), Kind.IDENTITY));
      Set<String> t = new TreeSet<>(c.tags());
      t.addAll(known.getOrDefault(c.name(), Set.of()));
      tags.put(c.name(), Set.copyOf(overridden.getOrDefault(c.name(), t)));
    }
    Set<String> pinned = new java.util.HashSet<>(overridden.keySet());
    pinned.retainAll(tags.keySet());
    return new ColumnTrace(origins, tags, pinned);
  }

  /** The trace after a step that derives columns as declared from a batch with schema {@code input}. */
  ColumnTrace step(Schema input, List<ColumnDerivation> derivations) {
    ColumnTrace in = restrict(input);
    if (derivations.isEmpty()) {
      return in;
    }
    Map<String, Map<Field, Kind>> o = new HashMap<>(in.origins);
    Map<String, Set<String>> t = new HashMap<>(in.tags);
    for (ColumnDerivation d : derivations) {
      Map<Field, Kind> from = new LinkedHashMap<>();
      Set<String> carried = new TreeSet<>();
      for (String col : d.inputs()) {
        in.origins.getOrDefault(col, Map.of()).forEach((f, k) -> from.merge(f, stronger(k, d.kind()),
            ColumnTrace::stronger));
        carried.addAll(in.tags.getOrDefault(col, Set.of()));
      }
      carried.removeIf(tag -> removed(tag, d.tagsRemoved()));
      carried.addAll(d.tagsAdded());
      o.put(d.output(), from);
      t.put(d.output(), carried);
    }
    Set<String> pinned = new java.util.HashSet<>(in.pinned);
    derivations.forEach(d -> pinned.remove(d.output()));
    return new ColumnTrace(o, t, pinned);
  }

  /** The trace of the columns of {@code schema}; columns it did not see have no origin. */
  ColumnTrace restrict(Schema schema) {
    Map<String, Map<Field, Kind>> o = new HashMap<>();
    Map<String, Set<String>> t = new HashMap<>();
    for (Column c : schema.columns()) {
      o.put(c.name(), origins.getOrDefault(c.name(), Map.of()));
      Set<String> carried = new TreeSet<>(tags.getOrDefault(c.name(), Set.of()));
      if (!pinned.contains(c.name())) {
        carried.addAll(c.tags());
      }
      t.put(c.name(), carried);
    }
    Set<String> kept = new java.util.HashSet<>(pinned);
    kept.retainAll(t.keySet());
    return new ColumnTrace(o, t, kept);
  }

  /** A removed tag also removes its sub-tags: removing {@code PII} removes {@code PII.email}. */
  private static boolean removed(String tag, Set<String> removedTags) {
    return removedTags.stream().anyMatch(r -> tag.equals(r) || tag.startsWith(r + "."));
  }

  static Kind stronger(Kind a, Kind b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(Kind k) {
    return switch (k) {
      case IDENTITY -> 0;
      case DERIVED -> 1;
      case MASKED -> 2;
      case AGGREGATED -> 3;
    };
  }
}
