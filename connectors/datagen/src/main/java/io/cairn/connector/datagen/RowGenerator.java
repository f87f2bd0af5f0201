package io.cairn.connector.datagen;

/**
 * Generates the rows of one entity. Row {@code i} depends only on the generator's settings and {@code i}, so
 * rows can be generated in any order, resumed anywhere and reproduced exactly. Implementations are
 * immutable and thread-safe.
 */
interface RowGenerator {
  /** The values of row {@code index}, in the entity's schema order. */
  Object[] values(long index);

  /** The subject (person) the row is about, or null; {@code values} came from {@link #values}. */
  String subjectId(Object[] values);
}
