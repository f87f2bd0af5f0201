package io.cairn.spi.step;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Declares that an output column derives from input columns, and how.
 *
 * @param output the output column
 * @param inputs the input columns it is computed from (empty for a constant)
 * @param kind the transformation
 * @param description free text, e.g. {@code HMAC-SHA-256 of normalised email}
 * @param tagsRemoved classification tags that do not carry over (e.g. hashing removes {@code PII})
 * @param tagsAdded tags the output gains (e.g. {@code PII.pseudonymised})
 */
public record ColumnDerivation(
    String output,
    List<String> inputs,
    Kind kind,
    String description,
    Set<String> tagsRemoved,
    Set<String> tagsAdded) {

  /** Kinds of transformation, after OpenLineage's column lineage facet. */
  public enum Kind {
    IDENTITY,
    MASKED,
    AGGREGATED,
    DERIVED
  }

  public ColumnDerivation {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(kind, "kind");
    inputs = List.copyOf(inputs == null ? List.of() : inputs);
    description = description == null ? "" : description;
    tagsRemoved = Set.copyOf(tagsRemoved == null ? Set.of() : tagsRemoved);
    tagsAdded = Set.copyOf(tagsAdded == null ? Set.of() : tagsAdded);
  }

  public static ColumnDerivation of(String output, Kind kind, String... inputs) {
    return new ColumnDerivation(output, List.of(inputs), kind, "", Set.of(), Set.of());
  }
}
