package io.cairn.governance.masking;

import io.cairn.spi.data.ColumnType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/** Generalisations: keep the coarse part of a value (an age band, a postcode area, a month). */
final class Generalise {
  private Generalise() {}

  /**
   * Ages (numbers, or birth dates as of today) into bands of {@code width} years: {@code 30-39}; ages of 90
   * and over share one band ({@code 90+}) because few people are that old.
   */
  record AgeBand(int width, Clock clock) implements MaskFunction {
    static final int TOP = 90;

    AgeBand {
      if (width < 2 || width > 50) {
        throw new IllegalArgumentException("age_band:<width> takes a width of 2..50 years");
      }
    }

    @Override
    public Object apply(Object value, String subjectId) {
      long age = switch (value) {
        case null -> -1;
        case LocalDate birth -> Period.between(birth, LocalDate.now(clock)).getYears();
        case Number n -> n.longValue();
        default -> throw new IllegalArgumentException("not an age: " + value.getClass().getSimpleName());
      };
      if (age < 0) {
        return null;
      }
      if (age >= TOP) {
        return TOP + "+";
      }
      long low = age / width * width;
      return low + "-" + Math.min(low + width - 1, TOP - 1);
    }

    @Override
    public ColumnType outputType(ColumnType input) {
      BasicMasks.requireType(spec(), input,
          Set.of(ColumnType.LONG, ColumnType.DOUBLE, ColumnType.DECIMAL, ColumnType.DATE), null);
      return ColumnType.STRING;
    }

    @Override
    public String spec() {
      return "age_band:" + width;
    }
  }

  /** Keeps the first {@code keep} characters of a postcode (spaces removed, upper case): {@code SW1A 1AA} → {@code SW1}. */
  record Postcode(int keep) implements MaskFunction {
    Postcode {
      if (keep < 1 || keep > 10) {
        throw new IllegalArgumentException("postcode:<keep> keeps 1..10 characters");
      }
    }

    @Override
    public Object apply(Object value, String subjectId) {
      if (value == null) {
        return null;
      }
      String compact = value.toString().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      return compact.substring(0, Math.min(keep, compact.length()));
    }

    @Override
    public ColumnType outputType(ColumnType input) {
      return BasicMasks.requireType(spec(), input, Set.of(ColumnType.STRING), null);
    }

    @Override
    public String spec() {
      return "postcode:" + keep;
    }
  }

  /**
   * Dates to the first day of their month ({@code month}) or year ({@code year}); timestamps to the first
   * instant of their month or year (UTC).
   */
  record Truncate(boolean toYear) implements MaskFunction {
    @Override
    public Object apply(Object value, String subjectId) {
      return BasicMasks.onDates(value, this::start,
          i -> start(i.atOffset(ZoneOffset.UTC).toLocalDate()).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private LocalDate start(LocalDate d) {
      return toYear ? d.withDayOfYear(1) : d.withDayOfMonth(1);
    }

    @Override
    public ColumnType outputType(ColumnType input) {
      return BasicMasks.requireType(spec(), input, BasicMasks.DATES, null);
    }

    @Override
    public String spec() {
      return toYear ? "year" : "month";
    }
  }
}
