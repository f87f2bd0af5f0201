package io.cairn.quality.profile;

import io.cairn.quality.gx.Expectation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules suggested from a profile, each as a GX expectation and as a Cairn rule, with the reason: complete
 * columns get not-null (with {@code mostly} when a few values are missing), keys unique, categorical columns
 * in-set, numbers and dates their observed range, text its observed lengths, emails and dates their format.
 * A steward keeps the ones that express intent rather than accident.
 */
public final class Suggestions {
  /** Up to this many distinct values, a column that repeats them is categorical. */
  static final int CATEGORICAL = 10;

  private Suggestions() {}

  /**
   * One suggestion.
   *
   * @param expectation the GX expectation
   * @param rule the same check as a Cairn rule entry for the quality step
   * @param reason why it is suggested, from the profile
   */
  public record Suggestion(Expectation expectation, Map<String, Object> rule, String reason) {}

  public static List<Suggestion> suggest(Profiler.Profile profile) {
    List<Suggestion> out = new ArrayList<>();
    out.add(new Suggestion(new Expectation("expect_table_columns_to_match_ordered_list",
        Map.of("column_list", profile.columns().stream().map(ColumnProfile::name).toList())), null,
        "the sample has these columns in this order"));
    for (ColumnProfile c : profile.columns()) {
      if (c.present() == 0) {
        continue;
      }
      completeness(c, out);
      if (c.distinctCount() == c.present() && c.present() > 1 && !c.type().equals("number")) {
        out.add(suggestion("expect_column_values_to_be_unique", c, Map.of(), rule("unique", c, Map.of()),
            "every one of the " + c.present() + " values is distinct"));
      } else if (c.distinctCount() <= CATEGORICAL && c.present() >= 2 * c.distinctCount()) {
        List<Object> set = c.topValues().size() == c.distinctCount() ? c.topValues().stream()
            .map(ColumnProfile.Frequency::value).sorted(Comparator.comparing(String::valueOf)).toList() : null;
        if (set != null) {
          out.add(suggestion("expect_column_values_to_be_in_set", c, Map.of("value_set", set),
              rule("in_set", c, Map.of("values", set)), c.distinctCount() + " distinct values repeat over "
                  + c.present() + " rows"));
        }
      }
      ranges(c, out);
    }
    return out;
  }

  private static void completeness(ColumnProfile c, List<Suggestion> out) {
    if (c.nullCount() == 0) {
      out.add(suggestion("expect_column_values_to_not_be_null", c, Map.of(), rule("not_null", c, Map.of()),
          "no value is missing"));
    } else if (c.nullShare() <= 0.1) {
      double mostly = Math.floor((1 - c.nullShare()) * 100) / 100;
      out.add(suggestion("expect_column_values_to_not_be_null", c, Map.of("mostly", mostly), null,
          Math.round(c.nullShare() * 1000) / 10.0 + "% of the values are missing"));
    }
  }

  private static void ranges(ColumnProfile c, List<Suggestion> out) {
    switch (c.type()) {
      case "integer", "number", "date", "datetime" -> {
        out.add(suggestion("expect_column_values_to_be_between", c, Map.of("min_value", c.min(), "max_value", c.max()),
            c.type().startsWith("date") ? null : rule("range", c, Map.of("min", c.min(), "max", c.max())),
            "values lie between " + c.min() + " and " + c.max()));
        if (c.type().equals("date")) {
          out.add(suggestion("expect_column_values_to_match_regex", c, Map.of("regex", "^\\d{4}-\\d{2}-\\d{2}$"),
              rule("format", c, Map.of("format", "date")), "every value is an ISO date"));
        }
      }
      case "email" -> out.add(suggestion("expect_column_values_to_match_regex", c, Map.of("regex", "^[^@\\s]+@[^@\\s]+$"),
          rule("format", c, Map.of("format", "email")), "every value is an email address"));
      case "string" -> out.add(suggestion("expect_column_value_lengths_to_be_between", c,
          Map.of("min_value", c.minLength(), "max_value", c.maxLength()),
          rule("length", c, Map.of("min", c.minLength(), "max", c.maxLength())),
          "lengths lie between " + c.minLength() + " and " + c.maxLength()));
      default -> {
        // booleans and mixed columns get no range
      }
    }
  }

  private static Suggestion suggestion(String type, ColumnProfile c, Map<String, Object> kwargs,
      Map<String, Object> rule, String reason) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("column", c.name());
    k.putAll(kwargs);
    return new Suggestion(new Expectation(type, k), rule, reason);
  }

  private static Map<String, Object> rule(String type, ColumnProfile c, Map<String, Object> options) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rule", type);
    r.put("column", c.name());
    r.putAll(options);
    return r;
  }
}
