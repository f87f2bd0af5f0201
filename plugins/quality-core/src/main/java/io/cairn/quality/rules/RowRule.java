package io.cairn.quality.rules;

import java.util.Map;

/** A check of every row, with its action: fail, quarantine, warn, or fix (then quarantine if still bad). */
final class RowRule implements Rule {
  private final String name;
  private final String columnName;
  private final Severity severity;
  private final Action action;
  private final RowTest test;
  private final ValueFix fix;
  /** The positions of the rows that failed, reused batch after batch (a rule set is not thread-safe). */
  private int[] failing = new int[0];

  RowRule(String name, String columnName, Severity severity, Action action, RowTest test, ValueFix fix) {
    this.name = name;
    this.columnName = columnName;
    this.severity = severity;
    this.action = action;
    this.test = test;
    this.fix = fix;
  }

  @Override
  public String column() {
    return columnName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, String> fixedColumns() {
    return action == Action.FIX ? Map.of(columnName, "quality rule '" + name + "': " + fix.description())
        : Map.of();
  }

  @Override
  public void apply(Pass pass) {
    test.prepare(pass);
    if (action == Action.WARN || action == Action.FAIL) {
      // no row leaves the flow and nothing is fixed: the test runs over the whole batch, and only the rows
      // that failed it are reported
      java.util.List<Pass.Rec> rows = pass.rows;
      if (failing.length < rows.size()) {
        failing = new int[rows.size()];
      }
      int k = test.failing(rows, failing);
      for (int j = 0; j < k; j++) {
        failed(pass, rows.get(failing[j]));
      }
      return;
    }
    pass.rows.removeIf(row -> !check(pass, row));
  }

  /** Checks one row and acts; false when the row leaves the flow. */
  private boolean check(Pass pass, Pass.Rec row) {
    if (test.passes(row)) {
      if (action == Action.FIX) {
        fix.observe(row.values()[test.column()]);
      }
      return true;
    }
    return failed(pass, row);
  }

  /** Acts on a row that failed the test (fixing it when the action is fix); false when the row leaves the flow. */
  private boolean failed(Pass pass, Pass.Rec row) {
    int col = test.column();
    Object value = col < 0 ? null : row.values()[col];
    String reason = "rule '" + name + "'" + (columnName == null ? "" : " on column '" + columnName + "'") + ": "
        + test.failure(row);
    if (action == Action.FIX) {
      row.set(col, fix.apply(value, pass, col));
      if (test.passes(row)) {
        pass.fixed++;
        return true;
      }
      reason += " (fix '" + fix.description() + "' could not repair it)";
      row.set(col, value);
    }
    pass.report(new Violation(row.origin(), name, severity, columnName, value, reason), action);
    return action != Action.QUARANTINE && action != Action.FIX;
  }
}
