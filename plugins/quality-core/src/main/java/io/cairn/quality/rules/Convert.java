package io.cairn.quality.rules;

import io.cairn.quality.data.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts an amount with its unit (a currency, a unit of measure) to a target unit with a table of rates:
 * {@code amount * rate(unit)}, where the rate is how many target units one source unit is worth; the unit
 * column becomes the target. A row whose unit has no rate (or whose amount is not a number) is reported with
 * the entry's action (quarantine by default). Rows already in the target unit, or with no amount, pass.
 */
final class Convert implements Rule {
  private final String name;
  private final String amountColumn;
  private final String unitColumn;
  private final String target;
  private final Reference rates;
  private final Integer scale;
  private final Severity severity;
  private final Action action;

  Convert(String name, String amountColumn, String unitColumn, String target, Reference rates, Integer scale,
      Severity severity, Action action) {
    this.name = name;
    this.amountColumn = amountColumn;
    this.unitColumn = unitColumn;
    this.target = target;
    this.rates = rates;
    this.scale = scale;
    this.severity = severity;
    this.action = action;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String column() {
    return amountColumn;
  }

  @Override
  public Map<String, String> fixedColumns() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(amountColumn, "quality fix '" + name + "': converted to " + target + " with '" + unitColumn + "'");
    m.put(unitColumn, "quality fix '" + name + "': set to " + target);
    return m;
  }

  @Override
  public void apply(Pass pass) {
    int amount = pass.column(name, amountColumn);
    int unit = pass.column(name, unitColumn);
    pass.rows.removeIf(row -> !convert(pass, row, amount, unit));
  }

  private boolean convert(Pass pass, Pass.Rec row, int amountAt, int unitAt) {
    Object amount = row.values()[amountAt];
    Object unit = row.values()[unitAt];
    if (amount == null || unit != null && Reference.key(unit).equalsIgnoreCase(target)) {
      return true;
    }
    BigDecimal value = Values.number(amount);
    String rate = unit == null ? null : rates.lookup(unit);
    if (value == null || rate == null) {
      String why = value == null ? "amount '" + Values.text(amount) + "' is not a number"
          : unit == null ? "the unit is missing" : "no rate from '" + Values.text(unit) + "' to " + target;
      pass.report(new Violation(row.origin(), name, severity, unitColumn, unit, "rule '" + name + "' on column '"
          + unitColumn + "': " + why), action);
      return action != Action.QUARANTINE;
    }
    BigDecimal converted = value.multiply(rates.number(Reference.key(unit), rate));
    if (scale != null) {
      converted = converted.setScale(scale, RoundingMode.HALF_EVEN);
    }
    row.set(amountAt, amount instanceof BigDecimal || amount instanceof String ? converted : converted.doubleValue());
    row.set(unitAt, target);
    pass.fixed++;
    return true;
  }
}
