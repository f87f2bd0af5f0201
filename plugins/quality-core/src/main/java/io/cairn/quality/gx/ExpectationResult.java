package io.cairn.quality.gx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one expectation on one table, in GX's shape.
 *
 * @param expectation what was checked
 * @param success whether the data meets it
 * @param result GX's {@code result} object: {@code observed_value}, or the counts and lists of a map
 *     expectation
 * @param exception the message when the expectation could not be evaluated (e.g. a missing column), else null
 * @param unexpectedRows the positions of the rows that broke a row-wise expectation (not in GX's output)
 */
public record ExpectationResult(Expectation expectation, boolean success, Map<String, Object> result,
    String exception, List<Integer> unexpectedRows) {

  static ExpectationResult failed(Expectation e, String exception) {
    return new ExpectationResult(e, false, Map.of(), exception, List.of());
  }

  /** The result as GX serialises an {@code ExpectationValidationResult}. */
  public Map<String, Object> toGx() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("expectation_type", expectation.type());
    config.put("kwargs", expectation.kwargs());
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("raised_exception", exception != null);
    info.put("exception_message", exception);
    info.put("exception_traceback", null);
    Map<String, Object> gx = new LinkedHashMap<>();
    gx.put("success", success);
    gx.put("expectation_config", config);
    gx.put("result", result);
    gx.put("exception_info", info);
    return gx;
  }
}
