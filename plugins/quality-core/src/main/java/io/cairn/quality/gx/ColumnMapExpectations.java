package io.cairn.quality.gx;

import io.cairn.quality.check.ValueCheck;
import io.cairn.quality.check.ValueChecks;
import io.cairn.quality.data.Table;
import io.cairn.quality.data.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Column map expectations: each non-missing value of a column is expected or not. */
final class ColumnMapExpectations {
  private ColumnMapExpectations() {}

  static void register(Map<String, Definition> types) {
    types.put("expect_column_values_to_not_be_null", (e, k) -> nulls(e, k, false));
    types.put("expect_column_values_to_be_null", (e, k) -> nulls(e, k, true));
    types.put("expect_column_values_to_be_unique", ColumnMapExpectations::unique);
    types.put("expect_column_values_to_be_in_set", (e, k) -> values(e, k, inSet(k).test()));
    types.put("expect_column_values_to_not_be_in_set", (e, k) -> values(e, k, inSet(k).test().negate()));
    types.put("expect_column_values_to_match_regex", (e, k) -> values(e, k, regex(k, "regex").test()));
    types.put("expect_column_values_to_not_match_regex",
        (e, k) -> values(e, k, regex(k, "regex").test().negate()));
    types.put("expect_column_values_to_match_regex_list", (e, k) -> regexList(e, k, true));
    types.put("expect_column_values_to_not_match_regex_list", (e, k) -> regexList(e, k, false));
    types.put("expect_column_values_to_be_between", (e, k) -> {
      Object[] b = k.bounds();
      return values(e, k, ValueChecks.between(b[0], b[1], (Boolean) b[2], (Boolean) b[3]).test());
    });
    types.put("expect_column_value_lengths_to_be_between", (e, k) -> {
      Integer min = k.integer("min_value", false);
      Integer max = k.integer("max_value", false);
      if (min == null && max == null) {
        throw k.bad("min_value and max_value cannot both be None");
      }
      return values(e, k, ValueChecks.lengthBetween(min, max).test());
    });
    types.put("expect_column_value_lengths_to_equal", (e, k) -> {
      int n = k.integer("value", true);
      return values(e, k, ValueChecks.lengthBetween(n, n).test());
    });
  }

  private static ValueCheck inSet(Kwargs k) {
    return ValueChecks.inSet(k.list("value_set"));
  }

  private static ValueCheck regex(Kwargs k, String key) {
    String regex = k.string(key);
    try {
      return ValueChecks.regex(regex);
    } catch (java.util.regex.PatternSyntaxException ex) {
      throw k.bad("kwarg '" + key + "' is not a valid regular expression: " + ex.getDescription());
    }
  }

  private static Definition.Check regexList(Expectation e, Kwargs k, boolean match) {
    List<Predicate<Object>> tests = k.list("regex_list").stream()
        .map(r -> {
          try {
            return ValueChecks.regex(String.valueOf(r)).test();
          } catch (java.util.regex.PatternSyntaxException ex) {
            throw k.bad("'" + r + "' in regex_list is not a valid regular expression");
          }
        }).toList();
    String matchOn = match ? k.choice("match_on", "any", List.of("any", "all")) : "any";
    Predicate<Object> test = matchOn.equals("all") ? v -> tests.stream().allMatch(t -> t.test(v))
        : v -> tests.stream().anyMatch(t -> t.test(v));
    return values(e, k, match ? test : test.negate());
  }

  /** The rows of one existing column, with {@code mostly}. */
  @FunctionalInterface
  private interface ColumnRun {
    ExpectationResult run(Table table, int column, Double mostly);
  }

  /** Reads {@code column} and {@code mostly}; a missing column is an exception result. */
  private static Definition.Check onColumn(Expectation e, Kwargs k, ColumnRun run) {
    String column = k.column("column");
    Double mostly = k.mostly();
    return table -> {
      int c = table.indexOf(column);
      return c < 0 ? ExpectationResult.failed(e, Definition.noColumn(column)) : run.run(table, c, mostly);
    };
  }

  /** A map expectation testing each non-missing value. */
  static Definition.Check values(Expectation e, Kwargs k, Predicate<Object> expected) {
    return onColumn(e, k, (table, c, mostly) -> {
      MapResults.Unexpected u = new MapResults.Unexpected();
      int counted = 0;
      for (int r = 0; r < table.rowCount(); r++) {
        Object v = table.value(r, c);
        if (v != null) {
          counted++;
          if (!expected.test(v)) {
            u.add(r, v);
          }
        }
      }
      return MapResults.of(e, mostly, table.rowCount(), counted, u, false);
    });
  }

  private static Definition.Check nulls(Expectation e, Kwargs k, boolean expectNull) {
    return onColumn(e, k, (table, c, mostly) -> {
      MapResults.Unexpected u = new MapResults.Unexpected();
      for (int r = 0; r < table.rowCount(); r++) {
        Object v = table.value(r, c);
        if ((v == null) != expectNull) {
          u.add(r, v);
        }
      }
      return MapResults.of(e, mostly, table.rowCount(), table.rowCount(), u, true);
    });
  }

  /** GX marks every occurrence of a repeated value as unexpected, the first one included. */
  private static Definition.Check unique(Expectation e, Kwargs k) {
    return onColumn(e, k, (table, c, mostly) -> {
      Map<Object, Integer> counts = new HashMap<>();
      int counted = 0;
      for (int r = 0; r < table.rowCount(); r++) {
        Object v = table.value(r, c);
        if (v != null) {
          counted++;
          counts.merge(key(v), 1, Integer::sum);
        }
      }
      MapResults.Unexpected u = new MapResults.Unexpected();
      for (int r = 0; r < table.rowCount(); r++) {
        Object v = table.value(r, c);
        if (v != null && counts.get(key(v)) > 1) {
          u.add(r, v);
        }
      }
      return MapResults.of(e, mostly, table.rowCount(), counted, u, false);
    });
  }

  /** Numbers compare by value (1 and 1.0 are the same value). */
  static Object key(Object v) {
    return Values.key(v);
  }
}
