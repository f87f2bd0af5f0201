package io.cairn.quality.rules;

import io.cairn.quality.data.Table;
import io.cairn.quality.data.Values;
import io.cairn.quality.gx.Expectation;
import io.cairn.quality.gx.ExpectationResult;
import io.cairn.quality.gx.GxValidator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Great Expectations expectation as a rule, run on each batch. When it is not met: with action quarantine,
 * the rows it found unexpected leave the flow (an expectation over the whole column or table has none, and
 * then fails the run); with fail or warn, the batch is reported with GX's figures.
 */
final class GxRule implements Rule {
  private final Expectation expectation;
  private final GxValidator.Compiled compiled;
  private final Action action;
  private final String column;

  GxRule(Expectation expectation, Action action) {
    this.expectation = expectation;
    this.compiled = GxValidator.compile(expectation);
    this.action = action;
    Object c = expectation.kwargs().get("column");
    this.column = c == null ? null : c.toString();
  }

  @Override
  public String column() {
    return column;
  }

  @Override
  public String name() {
    return expectation.type() + (column == null ? "" : ":" + column);
  }

  @Override
  public void apply(Pass pass) {
    if (pass.rows.isEmpty()) {
      return;
    }
    ExpectationResult r = compiled.run(Table.ofRows(pass.columns, pass.rows.stream().map(Pass.Rec::values).toList()));
    if (r.success()) {
      return;
    }
    if (action == Action.QUARANTINE && !r.unexpectedRows().isEmpty()) {
      int c = column == null ? -1 : pass.columns.indexOf(column);
      Set<Pass.Rec> out = new HashSet<>();
      for (int i : r.unexpectedRows()) {
        Pass.Rec row = pass.rows.get(i);
        Object value = c < 0 ? null : row.values()[c];
        pass.report(new Violation(row.origin(), name(), Severity.ERROR, column, value, "expectation '" + name()
            + "'" + (c < 0 ? "" : ": value '" + Values.text(value) + "'") + " is unexpected"), Action.QUARANTINE);
        out.add(row);
      }
      pass.rows.removeIf(out::contains);
      return;
    }
    String why = r.exception() != null ? r.exception() : summary(r.result());
    pass.report(new Violation(-1, name(), Severity.ERROR, column, null, "expectation '" + name() + "' "
        + expectation.kwargs() + " failed: " + why), action == Action.WARN ? Action.WARN : Action.FAIL);
  }

  private static String summary(Map<String, Object> result) {
    if (result.containsKey("observed_value")) {
      return "observed " + result.get("observed_value");
    }
    Object partial = result.get("partial_unexpected_list");
    return result.get("unexpected_count") + " unexpected (" + result.get("unexpected_percent") + "%), e.g. "
        + (partial instanceof List<?> l ? l.subList(0, Math.min(5, l.size())) : partial);
  }
}
