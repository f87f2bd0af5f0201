package io.cairn.quality.profile;

import io.cairn.quality.check.Formats;
import io.cairn.quality.check.Stats;
import io.cairn.quality.data.Table;
import io.cairn.quality.data.Values;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Profiles every column of a table. Thread-safe (stateless). */
public final class Profiler {
  static final int TOP = 5;
  private static final int PATTERN_LENGTH = 40;

  private Profiler() {}

  /**
   * The profile of a table.
   *
   * @param rowCount the rows
   * @param columns one profile per column, in order
   */
  public record Profile(int rowCount, List<ColumnProfile> columns) {}

  public static Profile profile(Table table) {
    List<ColumnProfile> columns = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      columns.add(column(table.columns().get(c), table.column(c)));
    }
    return new Profile(table.rowCount(), columns);
  }

  static ColumnProfile column(String name, List<Object> values) {
    List<Object> present = values.stream().filter(java.util.Objects::nonNull).toList();
    Map<Object, Integer> counts = new HashMap<>();
    Map<Object, Integer> shapes = new HashMap<>();
    Set<String> types = new LinkedHashSet<>();
    Integer minLength = null;
    Integer maxLength = null;
    for (Object v : present) {
      counts.merge(Values.key(v), 1, Integer::sum);
      String text = Values.text(v);
      shapes.merge(shape(text), 1, Integer::sum);
      types.add(type(v));
      int len = text.codePointCount(0, text.length());
      minLength = minLength == null ? len : Math.min(minLength, len);
      maxLength = maxLength == null ? len : Math.max(maxLength, len);
    }
    String type = types.isEmpty() ? "empty" : types.size() == 1 ? types.iterator().next()
        : types.equals(Set.of("integer", "number")) ? "number" : "mixed";
    boolean numeric = type.equals("integer") || type.equals("number");
    Stats stats = numeric ? Stats.of(present) : null;
    Object min = null;
    Object max = null;
    if (!present.isEmpty() && !type.equals("mixed")) {
      Comparator<Object> order = numeric ? Comparator.comparing(Values::number) : Values::compare;
      min = present.stream().min(order).orElse(null);
      max = present.stream().max(order).orElse(null);
    }
    return new ColumnProfile(name, type, values.size(), values.size() - present.size(),
        values.isEmpty() ? 0 : (double) (values.size() - present.size()) / values.size(), counts.size(),
        min, max, stats == null || stats.count() == 0 ? null : stats.mean(),
        stats == null || stats.count() < 2 ? null : stats.stdev(), minLength, maxLength, top(shapes), top(counts));
  }

  private static List<ColumnProfile.Frequency> top(Map<Object, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<Object, Integer>comparingByValue().reversed()
            .thenComparing(e -> String.valueOf(e.getKey())))
        .limit(TOP).map(e -> new ColumnProfile.Frequency(e.getKey(), e.getValue())).toList();
  }

  /** The shape of a text: digits become 9, upper-case letters A, lower-case letters a, the rest stays. */
  static String shape(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints().limit(PATTERN_LENGTH).forEach(cp -> {
      if (Character.isDigit(cp)) {
        b.append('9');
      } else if (Character.isUpperCase(cp)) {
        b.append('A');
      } else if (Character.isLetter(cp)) {
        b.append('a');
      } else {
        b.appendCodePoint(cp);
      }
    });
    return text.codePointCount(0, text.length()) > PATTERN_LENGTH ? b + "…" : b.toString();
  }

  /** The type of one value; text is read for what it holds (numbers, booleans, ISO dates, emails). */
  static String type(Object v) {
    return switch (v) {
      case Long l -> "integer";
      case Integer i -> "integer";
      case Number n -> Values.number(n).stripTrailingZeros().scale() <= 0 ? "integer" : "number";
      case Boolean b -> "boolean";
      case LocalDate d -> "date";
      case Temporal t -> "datetime";
      case String s -> textType(s.strip());
      default -> "string";
    };
  }

  private static String textType(String s) {
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return "boolean";
    }
    if (Values.number(s) != null) {
      return Values.number(s).stripTrailingZeros().scale() <= 0 && !s.contains(".") ? "integer" : "number";
    }
    try {
      LocalDate.parse(s);
      return "date";
    } catch (DateTimeParseException notDate) {
      try {
        OffsetDateTime.parse(s);
        return "datetime";
      } catch (DateTimeParseException notDateTime) {
        return Formats.email().passes(s) ? "email" : "string";
      }
    }
  }
}
