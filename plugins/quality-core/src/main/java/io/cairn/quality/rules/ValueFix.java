package io.cairn.quality.rules;

/** Repairs one value of a column; returns the value unchanged when it cannot. */
interface ValueFix {
  Object apply(Object value, Pass pass, int column);

  /** Sees a value that needed no fix (for fills that carry the previous value forward). */
  default void observe(Object value) {}

  String description();
}
