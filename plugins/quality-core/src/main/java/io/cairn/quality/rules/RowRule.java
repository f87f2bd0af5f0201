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
    pass.rows.removeIf(row -> !check(pass, row));
  }

  /** Checks one row and acts; false when the row leaves the flow. */
  private boolean check(Pass pass, Pass.Rec row) {
    int col = test.column();
    if (test.passes(row)) {
      if (fix != null) {
        fix.observe(row.values()[col]);
      }
      return true;
    }
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
