package io.cairn.quality.gx;

import io.cairn.quality.data.Table;

/** How one expectation type reads its kwargs (eagerly, so bad kwargs fail before any data is read). */
@FunctionalInterface
interface Definition {
  Check compile(Expectation expectation, Kwargs kwargs);

  /** A compiled expectation, ready to run on tables. */
  @FunctionalInterface
  interface Check {
    ExpectationResult run(Table table);
  }

  /** The column's position, or -1; GX's message for a missing column is built by {@link #noColumn}. */
  static String noColumn(String column) {
    return "The column \"" + column + "\" in BatchData does not exist.";
  }
}
