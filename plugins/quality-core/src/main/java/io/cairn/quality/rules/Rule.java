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
}
