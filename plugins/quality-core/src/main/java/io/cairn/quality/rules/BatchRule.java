package io.cairn.quality.rules;

import io.cairn.quality.check.Stats;
import io.cairn.quality.check.ValueChecks;
import io.cairn.quality.data.Values;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A check of a whole batch: row count bounds, freshness of a time column, distribution bounds (mean,
 * standard deviation, a quantile). Its action is fail or warn. Empty batches (idle polls of a stream) are
 * not checked.
 */
final class BatchRule implements Rule {
  private final String name;
  private final Severity severity;
  private final Action action;
  private final String columnName;
  private final Function<Pass, String> check;

  private BatchRule(String name, Severity severity, Action action, String column, Function<Pass, String> check) {
    this.name = name;
    this.severity = severity;
    this.action = action;
    this.columnName = column;
    this.check = check;
  }

  @Override
  public String column() {
    return columnName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void apply(Pass pass) {
    if (pass.rows.isEmpty()) {
      return;
    }
    String failure = check.apply(pass);
    if (failure != null) {
      pass.report(new Violation(-1, name, severity, columnName, null, "rule '" + name + "': " + failure), action);
    }
  }

  static BatchRule rowCount(String name, Severity severity, Action action, Spec spec) {
    Double min = spec.number("min");
    Double max = spec.number("max");
    return new BatchRule(name, severity, action, null, p -> ValueChecks.withinBounds(p.rows.size(), min, max,
        false, false) ? null : "the batch has " + p.rows.size() + " rows, expected " + bounds(min, max));
  }

  static BatchRule freshness(String name, Severity severity, Action action, Spec spec, Clock clock) {
    String column = spec.required("column");
    Duration maxAge = Duration.parse(spec.string("maxAge", "P1D"));
    return new BatchRule(name, severity, action, column, p -> {
      int col = p.column(name, column);
      Instant newest = p.rows.stream().map(r -> instant(r.values()[col])).filter(Objects::nonNull)
          .max(Instant::compareTo).orElse(null);
      Instant limit = clock.instant().minus(maxAge);
      return newest != null && !newest.isBefore(limit) ? null
          : "the newest '" + column + "' is " + newest + ", older than " + maxAge + " (before " + limit + ")";
    });
  }

  static BatchRule distribution(String name, Severity severity, Action action, Spec spec) {
    String column = spec.required("column");
    Double meanMin = spec.number("meanMin");
    Double meanMax = spec.number("meanMax");
    Double stdevMin = spec.number("stdevMin");
    Double stdevMax = spec.number("stdevMax");
    Double quantile = spec.number("quantile");
    Double qMin = spec.number("quantileMin");
    Double qMax = spec.number("quantileMax");
    return new BatchRule(name, severity, action, column, p -> {
      Stats s = p.stats(p.column(name, column));
      if (s.count() == 0) {
        return "column '" + column + "' has no numeric values";
      }
      if (!ValueChecks.withinBounds(s.mean(), meanMin, meanMax, false, false)) {
        return String.format(Locale.ROOT, "mean of '%s' is %.4f, expected %s", column, s.mean(),
            bounds(meanMin, meanMax));
      }
      if ((stdevMin != null || stdevMax != null) && !(s.count() > 1
          && ValueChecks.withinBounds(s.stdev(), stdevMin, stdevMax, false, false))) {
        return String.format(Locale.ROOT, "standard deviation of '%s' is %.4f, expected %s", column, s.stdev(),
            bounds(stdevMin, stdevMax));
      }
      if (quantile != null && !ValueChecks.withinBounds(s.quantile(quantile), qMin, qMax, false, false)) {
        return String.format(Locale.ROOT, "quantile %s of '%s' is %.4f, expected %s", quantile, column,
            s.quantile(quantile), bounds(qMin, qMax));
      }
      return null;
    });
  }

  private static String bounds(Double min, Double max) {
    return "[" + (min == null ? "" : Values.show(min)) + ", " + (max == null ? "" : Values.show(max)) + "]";
  }

  /** A point in time from a time value or ISO text; dates and local times are read in UTC. */
  static Instant instant(Object v) {
    try {
      return switch (v) {
        case Instant i -> i;
        case OffsetDateTime o -> o.toInstant();
        case ZonedDateTime z -> z.toInstant();
        case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
        case LocalDate d -> d.atStartOfDay(ZoneOffset.UTC).toInstant();
        case String s when s.length() > 10 -> OffsetDateTime.parse(s).toInstant();
        case String s -> LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        case null, default -> null;
      };
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return name + " (" + action.name().toLowerCase(Locale.ROOT) + ")";
  }
}
