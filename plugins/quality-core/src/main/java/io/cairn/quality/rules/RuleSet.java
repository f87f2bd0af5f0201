package io.cairn.quality.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cairn.quality.check.Formats;
import io.cairn.quality.check.ValueChecks;
import io.cairn.quality.rules.OutlierTest.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed list of rules and fixes, applied in order to batch after batch. Parsed from YAML or JSON (a list
 * of entries, each either {@code rule: <type>} or {@code fix: <type>}); see the module README for every
 * type and option. Not thread-safe: rules keep state across batches (unique windows, previous values), so
 * use one instance per step instance.
 */
public final class RuleSet {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<Rule> rules;
  /** Per rule, the keys of its checked and failed counts. */
  private final Map<Rule, String[]> metricKeys = new java.util.IdentityHashMap<>();
  private List<String> lastColumns = List.of();
  private String[] columnKeys = new String[0];

  private RuleSet(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    for (Rule r : this.rules) {
      String key = "rule." + assertion(r) + (r.column() == null ? "" : "@" + r.column());
      metricKeys.put(r, new String[] {key + ".checked", key + ".failed"});
    }
  }

  public static RuleSet parse(String text) {
    return parse(text, Clock.systemUTC());
  }

  /**
   * Parses and checks rules.
   *
   * @throws RuleException listing every problem (unknown types or keys, missing options, bad patterns)
   */
  public static RuleSet parse(String text, Clock clock) {
    List<Map<String, Object>> entries;
    try {
      entries = YAML.readValue(text, YAML.getTypeFactory().constructCollectionType(List.class, Map.class));
    } catch (JsonProcessingException e) {
      throw new RuleException(List.of("rules are not a YAML or JSON list of entries: "
          + e.getOriginalMessage()));
    }
    List<String> problems = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < (entries == null ? 0 : entries.size()); i++) {
      Spec spec = new Spec("rule " + (i + 1), entries.get(i) == null ? Map.of() : entries.get(i), problems);
      Rule rule = RuleFactory.create(spec, clock);
      spec.checkUnknownKeys();
      if (rule != null) {
        rules.add(rule);
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleException(problems);
    }
    return new RuleSet(rules);
  }

  /**
   * This rule set followed by a GX suite's expectations, each run on every batch with the given action.
   *
   * @throws io.cairn.quality.gx.BadExpectationException when an expectation has an unknown type or bad kwargs
   */
  public RuleSet withSuite(List<io.cairn.quality.gx.Expectation> suite, Action action) {
    List<Rule> all = new ArrayList<>(rules);
    suite.forEach(e -> all.add(new GxRule(e, action)));
    return new RuleSet(all);
  }

  /** The names of the rules, in order. */
  public List<String> names() {
    return rules.stream().map(Rule::name).toList();
  }

  /** The columns the rules may change, with how (for column lineage). */
  public Map<String, String> fixedColumns() {
    Map<String, String> fixed = new LinkedHashMap<>();
    rules.forEach(r -> r.fixedColumns().forEach((c, how) -> fixed.merge(c, how, (a, b) -> a + "; " + b)));
    return fixed;
  }

  /**
   * Applies the rules to one batch. Fail-action violations are collected, not thrown: the caller
   * quarantines what must be quarantined, then calls {@link Outcome#throwIfFailed()}.
   *
   * @param columns the column names
   * @param rows the rows' values in column order; not changed
   * @throws QualityFailure when a rule names a column the batch does not have
   */
  public Outcome apply(List<String> columns, List<Object[]> rows) {
    if (!columns.equals(lastColumns)) {
      lastColumns = List.copyOf(columns);
      columnKeys = new String[2 * columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        columnKeys[2 * c] = "column." + columns.get(c) + ".nullCount";
        columnKeys[2 * c + 1] = "column." + columns.get(c) + ".checked";
      }
    }
    Pass pass = new Pass(lastColumns, rows);
    long cells = 0;
    long[] missing = new long[columns.size()];
    for (Object[] r : rows) {
      cells += r.length;
      for (int c = 0; c < r.length && c < missing.length; c++) {
        missing[c] += Fill.missing(r[c]) ? 1 : 0;
      }
    }
    Map<String, Double> detail = new LinkedHashMap<>();
    long present = cells;
    for (int c = 0; c < missing.length; c++) {
      present -= missing[c];
      detail.put(columnKeys[2 * c], (double) missing[c]);
      detail.put(columnKeys[2 * c + 1], (double) rows.size());
    }
    for (Rule rule : rules) {
      int checked = pass.rows.size();
      int before = pass.violations();
      rule.apply(pass);
      if (rule.isCheck()) {
        count(detail, rule, checked, pass.violations() - before);
      }
    }
    int n = pass.inputRows;
    Outcome.Metrics metrics = new Outcome.Metrics(n, n - pass.invalid.cardinality(), cells, present, pass.uniqueChecked,
        pass.duplicates, pass.fixed, pass.duplicatesRemoved, detail);
    List<Outcome.Kept> kept = new ArrayList<>(pass.rows.size());
    for (Pass.Rec r : pass.rows) {
      kept.add(new Outcome.Kept(r.origin(), r.values()));
    }
    return new Outcome(Collections.unmodifiableList(kept),
        List.copyOf(pass.quarantined), List.copyOf(pass.warnings), List.copyOf(pass.failures), metrics);
  }

  private void count(Map<String, Double> detail, Rule rule, long checked, long failed) {
    String[] keys = metricKeys.get(rule);
    detail.merge(keys[0], (double) checked, Double::sum);
    detail.merge(keys[1], (double) failed, Double::sum);
  }

  /** A rule's name for metrics: its default name {@code <type>:<column>} loses the column, given after '@'. */
  private static String assertion(Rule rule) {
    String suffix = ":" + rule.column();
    return rule.column() != null && rule.name().endsWith(suffix)
        ? rule.name().substring(0, rule.name().length() - suffix.length()) : rule.name();
  }

  /** Builds rules from entries. */
  static final class RuleFactory {
    private RuleFactory() {}

    static Rule create(Spec spec, Clock clock) {
      if (!spec.has("rule") && spec.has("fix")) {
        return fix(spec);
      }
      String type = spec.required("rule");
      if (type == null) {
        return null;
      }
      String column = spec.string("column", null);
      String name = spec.string("name", type + (column == null ? "" : ":" + column));
      Severity severity = spec.choice("severity", Severity.class, Severity.ERROR);
      boolean batchRule = List.of("row_count", "freshness", "distribution").contains(type);
      Action action = spec.choice("action", Action.class, batchRule ? Action.FAIL : Action.QUARANTINE);
      if (batchRule) {
        if (action != Action.FAIL && action != Action.WARN) {
          spec.problem("a " + type + " rule checks the whole batch: its action must be fail or warn");
        }
        return switch (type) {
          case "row_count" -> BatchRule.rowCount(name, severity, action, spec);
          case "freshness" -> BatchRule.freshness(name, severity, action, spec, clock);
          default -> BatchRule.distribution(name, severity, action, spec);
        };
      }
      RowTest test = rowTest(type, name, column, spec);
      if (test == null) {
        return null;
      }
      ValueFix fix = test.defaultFix();
      if (spec.has("fix")) {
        Spec fixSpec = spec.nested("fix");
        fix = Fixes.create(fixSpec);
        fixSpec.checkUnknownKeys();
      }
      if (action == Action.FIX && (fix == null || column == null)) {
        spec.problem("action fix needs a 'column' and a 'fix' (no default fix for " + type + ")");
        return null;
      }
      return new RowRule(name, column, severity, action, test, fix);
    }

    private static final List<String> ROW_RULES = List.of("not_null", "unique", "in_set", "regex", "range",
        "length", "format", "expression", "outlier", "referential");

    private static RowTest rowTest(String type, String name, String column, Spec spec) {
      if (!ROW_RULES.contains(type)) {
        spec.problem("unknown rule '" + type + "' (known: " + String.join(", ", ROW_RULES)
            + ", row_count, freshness, distribution)");
        return null;
      }
      if (!type.equals("expression") && !type.equals("unique") && column == null) {
        spec.problem("a " + type + " rule needs 'column'");
        return null;
      }
      return switch (type) {
        case "not_null" -> ColumnTest.notNull(name, column);
        case "unique" -> {
          List<String> key = spec.has("key") ? spec.list("key").stream().map(Object::toString).toList()
              : column == null ? List.of() : List.of(column);
          if (key.isEmpty()) {
            spec.problem("a unique rule needs 'column' or 'key'");
            yield null;
          }
          Integer window = spec.integer("window");
          yield new UniqueTest(name, key, window == null ? 0 : window);
        }
        case "in_set" -> new ColumnTest(name, column, ValueChecks.inSet(spec.list("values")), null);
        case "referential" -> {
          Reference ref = Reference.read(name, spec, "values", false);
          yield ref == null ? null : new ColumnTest(name, column, new io.cairn.quality.check.ValueCheck(
              "is not in the reference data", ref::contains), null);
        }
        case "regex" -> {
          String pattern = spec.required("pattern");
          try {
            yield pattern == null ? null : new ColumnTest(name, column, ValueChecks.regex(pattern), null);
          } catch (java.util.regex.PatternSyntaxException e) {
            spec.problem("bad pattern: " + e.getDescription());
            yield null;
          }
        }
        case "range" -> {
          Double min = spec.number("min");
          Double max = spec.number("max");
          yield new ColumnTest(name, column, ValueChecks.between(min, max, spec.bool("strictMin"),
              spec.bool("strictMax")), Fixes.cap(min, max));
        }
        case "length" -> new ColumnTest(name, column, ValueChecks.lengthBetween(spec.integer("min"),
            spec.integer("max")), null);
        case "format" -> format(name, column, spec);
        case "expression" -> {
          String expr = spec.required("expression");
          String problem = expr == null ? null : ExpressionTest.problem(expr);
          if (problem != null) {
            spec.problem(problem);
          }
          yield expr == null || problem != null ? null : new ExpressionTest(expr);
        }
        default -> new OutlierTest(name, column, spec.choice("method", Method.class, Method.ZSCORE),
            spec.number("threshold"));
      };
    }

    private static RowTest format(String name, String column, Spec spec) {
      String format = spec.string("format", "");
      String region = spec.string("region", null);
      String pattern = spec.string("pattern", null);
      return switch (format) {
        case "email" -> new ColumnTest(name, column, Formats.email(),
            Fixes.text("normalise email", s -> Formats.normalEmail(s).orElse(s)));
        case "phone" -> new ColumnTest(name, column, Formats.phone(region),
            Fixes.text("phone to E.164", s -> Formats.e164(s, region).orElse(s)));
        case "date" -> new ColumnTest(name, column, Formats.date(pattern), null);
        default -> {
          spec.problem("'format' must be email, phone or date, not '" + format + "'");
          yield null;
        }
      };
    }

    /** {@code convert_currency} (amount, currency) or {@code convert_unit} (value, unit) to {@code to}. */
    private static Rule convert(String type, Spec spec) {
      boolean currency = type.equals("convert_currency");
      String amount = spec.required(currency ? "amount" : "value");
      String unit = spec.required(currency ? "currency" : "unit");
      String to = spec.required("to");
      String name = spec.string("name", type + ":" + amount);
      Integer scale = spec.integer("scale");
      Severity severity = spec.choice("severity", Severity.class, Severity.ERROR);
      Action action = spec.choice("action", Action.class, Action.QUARANTINE);
      if (action == Action.FIX) {
        spec.problem("a conversion without a rate can be quarantined, warned about or fail the run, not fixed");
      }
      Reference rates = Reference.read(name, spec, currency ? "rates" : "factors", true);
      return amount == null || unit == null || to == null || rates == null ? null
          : new Convert(name, amount, unit, to, rates, scale, severity, action);
    }

    private static Rule fix(Spec spec) {
      String type = spec.string("fix", "");
      String name = spec.string("name", type + (spec.has("column") ? ":" + spec.string("column", "") : ""));
      if (type.equals("dedupe")) {
        List<String> key = spec.list("key").stream().map(Object::toString).toList();
        Dedupe.Survivorship s = spec.choice("survivorship", Dedupe.Survivorship.class, Dedupe.Survivorship.FIRST);
        String orderBy = spec.string("orderBy", null);
        if (key.isEmpty() || s == Dedupe.Survivorship.MOST_RECENT && orderBy == null) {
          spec.problem("dedupe needs 'key', and 'orderBy' for survivorship most_recent");
          return null;
        }
        return new Dedupe(name, key, s, orderBy);
      }
      if (type.equals("convert_currency") || type.equals("convert_unit")) {
        return convert(type, spec);
      }
      String column = spec.required("column");
      ValueFix fix = Fixes.create(spec);
      return fix == null || column == null ? null : new FixRule(name, column, fix);
    }
  }
}
