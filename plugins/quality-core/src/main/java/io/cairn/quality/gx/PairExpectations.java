package io.cairn.quality.gx;

import io.cairn.quality.data.Values;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Column pair expectations. {@code ignore_row_if} (default {@code both_values_are_missing}) decides which
 * rows are left out and counted as missing; a row kept with a missing value is unexpected, as is a pair
 * that cannot be compared. The unexpected list holds {@code [A, B]} pairs.
 */
final class PairExpectations {
  private static final List<String> IGNORE = List.of("both_values_are_missing", "either_value_is_missing",
      "neither");

  private PairExpectations() {}

  static void register(Map<String, Definition> types) {
    types.put("expect_column_pair_values_A_to_be_greater_than_B", (e, k) -> {
      boolean orEqual = k.bool("or_equal", false);
      return pair(e, k, (a, b) -> {
        int c = Values.compare(a, b);
        return orEqual ? c >= 0 : c > 0;
      });
    });
    types.put("expect_column_pair_values_to_be_equal", (e, k) -> pair(e, k, Values::same));
  }

  private static Definition.Check pair(Expectation e, Kwargs k, BiPredicate<Object, Object> expected) {
    String columnA = k.column("column_A");
    String columnB = k.column("column_B");
    String ignore = k.choice("ignore_row_if", IGNORE.getFirst(), IGNORE);
    Double mostly = k.mostly();
    return table -> {
      int a = table.indexOf(columnA);
      int b = table.indexOf(columnB);
      if (a < 0 || b < 0) {
        return ExpectationResult.failed(e, Definition.noColumn(a < 0 ? columnA : columnB));
      }
      MapResults.Unexpected u = new MapResults.Unexpected();
      int counted = 0;
      for (int r = 0; r < table.rowCount(); r++) {
        Object va = table.value(r, a);
        Object vb = table.value(r, b);
        boolean skip = switch (ignore) {
          case "both_values_are_missing" -> va == null && vb == null;
          case "either_value_is_missing" -> va == null || vb == null;
          default -> false;
        };
        if (skip) {
          continue;
        }
        counted++;
        if (!passes(expected, va, vb)) {
          u.add(r, Arrays.asList(va, vb));
        }
      }
      return MapResults.of(e, mostly, table.rowCount(), counted, u, false);
    };
  }

  private static boolean passes(BiPredicate<Object, Object> expected, Object a, Object b) {
    try {
      return a != null && b != null && expected.test(a, b);
    } catch (IllegalArgumentException incomparable) {
      return false;
    }
  }
}
