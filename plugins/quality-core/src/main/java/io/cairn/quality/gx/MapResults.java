package io.cairn.quality.gx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a column map (row-wise) expectation as GX builds it ({@code _format_map_output}): percentages
 * are of the non-missing values, except for the null expectations, which count every row; with
 * {@code mostly}, success means the share of expected values among those counted is at least {@code mostly},
 * and nothing counted is a success.
 */
final class MapResults {
  static final int PARTIAL = 20;

  private MapResults() {}

  /** Collects the unexpected rows of one expectation. */
  static final class Unexpected {
    final List<Integer> rows = new ArrayList<>();
    final List<Object> values = new ArrayList<>();

    void add(int row, Object value) {
      rows.add(row);
      values.add(value);
    }
  }

  static ExpectationResult of(Expectation e, Double mostly, int elementCount, int counted, Unexpected u,
      boolean nullExpectation) {
    int unexpected = u.rows.size();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("element_count", elementCount);
    if (!nullExpectation) {
      int missing = elementCount - counted;
      r.put("missing_count", missing);
      r.put("missing_percent", percent(missing, elementCount));
    }
    r.put("unexpected_count", unexpected);
    r.put("unexpected_percent", percent(unexpected, counted));
    r.put("unexpected_percent_total", percent(unexpected, elementCount));
    if (!nullExpectation) {
      r.put("unexpected_percent_nonmissing", percent(unexpected, counted));
    }
    r.put("partial_unexpected_list", u.values.subList(0, Math.min(PARTIAL, unexpected)));
    r.put("unexpected_list", u.values);
    r.put("unexpected_index_list", u.rows);
    boolean success = mostly == null ? unexpected == 0
        : counted == 0 || (double) (counted - unexpected) / counted >= mostly;
    return new ExpectationResult(e, success, r, null, List.copyOf(u.rows));
  }

  private static Double percent(int part, int whole) {
    return whole == 0 ? null : 100.0 * part / whole;
  }
}
