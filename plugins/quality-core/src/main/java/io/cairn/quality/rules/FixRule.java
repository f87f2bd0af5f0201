package io.cairn.quality.rules;

import io.cairn.quality.data.Values;
import java.util.Map;

/** A cleaning fix applied to every value of a column (a {@code fix:} entry). */
final class FixRule implements Rule {
  private final String name;
  private final String columnName;
  private final ValueFix fix;

  FixRule(String name, String columnName, ValueFix fix) {
    this.name = name;
    this.columnName = columnName;
    this.fix = fix;
  }

  @Override
  public boolean isCheck() {
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, String> fixedColumns() {
    return Map.of(columnName, "quality fix '" + name + "': " + fix.description());
  }

  @Override
  public void apply(Pass pass) {
    int col = pass.column(name, columnName);
    for (Pass.Rec row : pass.rows) {
      Object before = row.values()[col];
      Object after = fix.apply(before, pass, col);
      if (!Values.same(before, after)) {
        row.set(col, after);
        pass.fixed++;
      }
    }
  }
}
