package io.cairn.quality.gx;

import io.cairn.quality.check.Stats;
import io.cairn.quality.check.ValueChecks;
import io.cairn.quality.data.Table;
import io.cairn.quality.data.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Column aggregate expectations: a statistic of the non-missing values ({@code observed_value}) between
 * {@code min_value} and {@code max_value} (either may be null; {@code strict_min}, {@code strict_max}), or
 * the distinct values against a set. The standard deviation is the sample one, as pandas computes it.
 */
final class AggregateExpectations {
  private AggregateExpectations() {}

  static void register(Map<String, Definition> types) {
    between(types, "mean", v -> numeric(v).mean());
    between(types, "median", v -> numeric(v).median());
    between(types, "stdev", v -> numeric(v).count() < 2 ? null : numeric(v).stdev());
    between(types, "sum", v -> v.stream().map(x -> number(x)).reduce(BigDecimal.ZERO, BigDecimal::add));
    between(types, "min", v -> v.stream().min(AggregateExpectations::compare).orElse(null));
    between(types, "max", v -> v.stream().max(AggregateExpectations::compare).orElse(null));
    between(types, "unique_value_count", v -> distinct(v).size());
    between(types, "proportion_of_unique_values", v -> (double) distinct(v).size() / v.size());
    types.put("expect_column_distinct_values_to_be_in_set", (e, k) -> distinctVs(e, k, "in"));
    types.put("expect_column_distinct_values_to_contain_set", (e, k) -> distinctVs(e, k, "contain"));
    types.put("expect_column_distinct_values_to_equal_set", (e, k) -> distinctVs(e, k, "equal"));
  }

  private static void between(Map<String, Definition> types, String stat, Function<List<Object>, Object> f) {
    types.put("expect_column_" + stat + "_to_be_between", (e, k) -> {
      String column = k.column("column");
      Object[] b = k.bounds();
      return table -> observe(e, table, column, values -> {
        Object observed = values.isEmpty() ? null : f.apply(values);
        boolean success = observed != null && !(observed instanceof Double d && d.isNaN())
            && ValueChecks.withinBounds(observed, b[0], b[1], (Boolean) b[2], (Boolean) b[3]);
        return new ExpectationResult(e, success, observed(observed), null, List.of());
      });
    });
  }

  /** Runs on the column's non-missing values; a missing column or a statistic that cannot be had is an exception. */
  private static ExpectationResult observe(Expectation e, Table table, String column,
      Function<List<Object>, ExpectationResult> f) {
    int c = table.indexOf(column);
    if (c < 0) {
      return ExpectationResult.failed(e, Definition.noColumn(column));
    }
    List<Object> values = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      if (table.value(r, c) != null) {
        values.add(table.value(r, c));
      }
    }
    try {
      return f.apply(values);
    } catch (IllegalArgumentException ex) {
      return ExpectationResult.failed(e, ex.getMessage());
    }
  }

  private static Definition.Check distinctVs(Expectation e, Kwargs k, String relation) {
    String column = k.column("column");
    List<Object> set = k.list("value_set");
    Set<Object> expected = distinct(set);
    return table -> observe(e, table, column, values -> {
      Set<Object> seen = distinct(values);
      boolean success = switch (relation) {
        case "in" -> expected.containsAll(seen);
        case "contain" -> seen.containsAll(expected);
        default -> seen.equals(expected);
      };
      Set<Object> sorted = new TreeSet<>(AggregateExpectations::compare);
      sorted.addAll(values);
      return new ExpectationResult(e, success, observed(new ArrayList<>(sorted)), null, List.of());
    });
  }

  private static Map<String, Object> observed(Object value) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("observed_value", value);
    return r;
  }

  private static Stats numeric(List<Object> values) {
    values.forEach(AggregateExpectations::number);
    return Stats.of(values);
  }

  private static BigDecimal number(Object v) {
    BigDecimal n = v instanceof Number ? Values.number(v) : null;
    if (n == null) {
      throw new IllegalArgumentException("the column holds a value that is not a number: '" + v + "'");
    }
    return n;
  }

  private static Set<Object> distinct(List<Object> values) {
    Set<Object> set = new HashSet<>();
    values.forEach(v -> set.add(ColumnMapExpectations.key(v)));
    return set;
  }

  private static int compare(Object a, Object b) {
    return Values.compare(a, b);
  }
}
