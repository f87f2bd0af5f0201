package io.cairn.quality.rules;

import io.cairn.quality.check.Stats;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The rows of one batch while the rules work on them, and what the rules found. Not thread-safe. */
final class Pass {
  /**
   * A row still in the flow: its position in the input and its values, copied on the first fix so the
   * input is never changed.
   */
  static final class Rec {
    private final int origin;
    private Object[] values;
    private boolean copied;

    Rec(int origin, Object[] values) {
      this.origin = origin;
      this.values = values;
    }

    int origin() {
      return origin;
    }

    /** The values, to read. */
    Object[] values() {
      return values;
    }

    void set(int column, Object value) {
      if (!copied) {
        values = values.clone();
        copied = true;
      }
      values[column] = value;
    }
  }

  final List<String> columns;
  final List<Rec> rows;
  final int inputRows;
  final List<Violation> quarantined = new ArrayList<>();
  final List<Violation> warnings = new ArrayList<>();
  final List<Violation> failures = new ArrayList<>();
  /** The input rows that broke a row rule. */
  final BitSet invalid = new BitSet();
  int fixed;
  int duplicatesRemoved;
  long uniqueChecked;
  long duplicates;
  private final Map<Object, Object> memo = new HashMap<>();

  /** @param columns the column names, not changed while the pass lives (the rule set hands over a copy) */
  Pass(List<String> columns, List<Object[]> input) {
    this.columns = columns;
    this.rows = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      rows.add(new Rec(i, input.get(i)));
    }
    this.inputRows = input.size();
  }

  /** The position of a column; a rule naming a column the data lacks fails the run with a clear message. */
  int column(String rule, String name) {
    int i = columns.indexOf(name);
    if (i < 0) {
      throw new QualityFailure("rule '" + rule + "': no column '" + name + "' in " + columns);
    }
    return i;
  }

  /** The statistics of a column over the rows still in the flow. */
  Stats stats(int column) {
    return Stats.of(rows.stream().map(r -> r.values()[column]).toList());
  }

  /** A value computed once per pass (e.g. a column mean for filling). */
  @SuppressWarnings("unchecked")
  <T> T memo(Object key, Supplier<T> compute) {
    return (T) memo.computeIfAbsent(key, k -> compute.get());
  }

  /** The violations reported so far, of every action. */
  int violations() {
    return quarantined.size() + warnings.size() + failures.size();
  }

  void report(Violation v, Action action) {
    if (v.row() >= 0) {
      invalid.set(v.row());
    }
    switch (action) {
      case FAIL -> failures.add(v);
      case WARN -> warnings.add(v);
      default -> quarantined.add(v);
    }
  }
}
