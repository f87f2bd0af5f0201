package io.cairn.quality.gx;

import io.cairn.quality.data.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs GX expectations natively. Thread-safe: compiled expectations hold no state between tables.
 * {@link #types()} lists the supported expectation types.
 */
public final class GxValidator {
  private static final Map<String, Definition> TYPES = new HashMap<>();

  static {
    ColumnMapExpectations.register(TYPES);
    PairExpectations.register(TYPES);
    AggregateExpectations.register(TYPES);
    TableExpectations.register(TYPES);
  }

  private GxValidator() {}

  /** The supported expectation types, sorted. */
  public static List<String> types() {
    return List.copyOf(new TreeSet<>(TYPES.keySet()));
  }

  /** A compiled expectation; runs on any table. */
  public static final class Compiled {
    private final Definition.Check check;

    private Compiled(Definition.Check check) {
      this.check = check;
    }

    public ExpectationResult run(Table table) {
      return check.run(table);
    }
  }

  /**
   * Checks an expectation's type and kwargs.
   *
   * @throws BadExpectationException naming the type and the problem
   */
  public static Compiled compile(Expectation e) {
    Definition d = TYPES.get(e.type());
    if (d == null) {
      throw new BadExpectationException("unknown expectation type '" + e.type() + "' (supported: "
          + String.join(", ", types()) + ")");
    }
    Kwargs k = new Kwargs(e);
    Definition.Check check = d.compile(e, k);
    k.done();
    return new Compiled(check);
  }

  /**
   * Validates a table against expectations: every expectation is compiled first, so a bad one fails the
   * whole call before any data is read.
   */
  public static List<ExpectationResult> validate(Table table, List<Expectation> expectations) {
    List<Compiled> compiled = new ArrayList<>();
    for (int i = 0; i < expectations.size(); i++) {
      try {
        compiled.add(compile(expectations.get(i)));
      } catch (BadExpectationException ex) {
        throw new BadExpectationException("expectation " + (i + 1) + ": " + ex.getMessage());
      }
    }
    return compiled.stream().map(c -> c.run(table)).toList();
  }

  /**
   * Results as GX serialises an {@code ExpectationSuiteValidationResult}: {@code success} (all expectations
   * met), {@code results} (one per expectation, in order) and {@code statistics}.
   */
  public static Map<String, Object> suiteResult(List<ExpectationResult> results) {
    long ok = results.stream().filter(ExpectationResult::success).count();
    Map<String, Object> statistics = new LinkedHashMap<>();
    statistics.put("evaluated_expectations", results.size());
    statistics.put("successful_expectations", ok);
    statistics.put("unsuccessful_expectations", results.size() - ok);
    statistics.put("success_percent", results.isEmpty() ? null : 100.0 * ok / results.size());
    Map<String, Object> suite = new LinkedHashMap<>();
    suite.put("success", ok == results.size());
    suite.put("results", results.stream().map(ExpectationResult::toGx).toList());
    suite.put("statistics", statistics);
    return suite;
  }
}
