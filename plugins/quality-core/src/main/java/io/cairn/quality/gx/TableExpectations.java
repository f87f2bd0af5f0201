package io.cairn.quality.gx;

import io.cairn.quality.check.ValueChecks;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Table expectations: row and column counts, column existence and order. */
final class TableExpectations {
  private TableExpectations() {}

  static void register(Map<String, Definition> types) {
    types.put("expect_table_row_count_to_be_between", (e, k) -> {
      Integer min = k.integer("min_value", false);
      Integer max = k.integer("max_value", false);
      return t -> result(e, ValueChecks.withinBounds(t.rowCount(), min, max, false, false), t.rowCount());
    });
    types.put("expect_table_row_count_to_equal", (e, k) -> {
      int n = k.integer("value", true);
      return t -> result(e, t.rowCount() == n, t.rowCount());
    });
    types.put("expect_table_column_count_to_be_between", (e, k) -> {
      Integer min = k.integer("min_value", false);
      Integer max = k.integer("max_value", false);
      return t -> result(e, ValueChecks.withinBounds(t.columns().size(), min, max, false, false),
          t.columns().size());
    });
    types.put("expect_table_column_count_to_equal", (e, k) -> {
      int n = k.integer("value", true);
      return t -> result(e, t.columns().size() == n, t.columns().size());
    });
    types.put("expect_column_to_exist", (e, k) -> {
      String column = k.column("column");
      Integer index = k.integer("column_index", false);
      return t -> new ExpectationResult(e, index == null ? t.columns().contains(column)
          : index < t.columns().size() && t.columns().get(index).equals(column), Map.of(), null, List.of());
    });
    types.put("expect_table_columns_to_match_ordered_list", (e, k) -> {
      List<Object> expected = k.list("column_list");
      return t -> result(e, t.columns().equals(expected), t.columns());
    });
    types.put("expect_table_columns_to_match_set", (e, k) -> {
      HashSet<Object> expected = new HashSet<>(k.list("column_set"));
      boolean exact = k.bool("exact_match", true);
      return t -> result(e, exact ? new HashSet<Object>(t.columns()).equals(expected)
          : t.columns().containsAll(expected), t.columns());
    });
  }

  private static ExpectationResult result(Expectation e, boolean success, Object observed) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("observed_value", observed);
    return new ExpectationResult(e, success, r, null, List.of());
  }
}
