package io.cairn.governance.masking;

import io.cairn.spi.data.ColumnType;

/**
 * Masks one value of a column. Implementations are immutable and thread-safe; they are chosen once per column
 * and batch, then applied to each value.
 */
public interface MaskFunction {
  /**
   * The masked value.
   *
   * @param value the value in the Java type of its column (see {@link ColumnType}), may be null
   * @param subjectId the row's subject, for functions that stay consistent per person (date shifts); may be null
   * @return the masked value, in the Java type of {@link #outputType(ColumnType)}
   */
  Object apply(Object value, String subjectId);

  /**
   * The type of the masked column for an input type.
   *
   * @throws IllegalArgumentException when this mask does not apply to that type, saying which types it takes
   */
  ColumnType outputType(ColumnType input);

  /** The spec this function was parsed from, e.g. {@code partial:0:4}. */
  String spec();

  /** Whether the output still identifies the person through a key or vault (hashes, tokens). */
  default boolean pseudonymises() {
    return false;
  }
}
