package io.cairn.quality.rules;

import java.util.Map;

/** One entry of a rule set, applied to each batch in declaration order. */
interface Rule {
  String name();

  void apply(Pass pass);

  /** The columns whose values this entry may change, with how (for column lineage). */
  default Map<String, String> fixedColumns() {
    return Map.of();
  }

  /** The column the check is about, or null for checks of rows or of the whole batch. */
  default String column() {
    return null;
  }

  /** Whether this entry checks data (and is counted per rule); false for pure fixes such as dedupe. */
  default boolean isCheck() {
    return true;
  }
}
