package io.cairn.governance.masking;

import io.cairn.spi.data.ColumnType;
import java.util.Set;

/** Masks that need no key: null, redact and partial. */
final class BasicMasks {
  static final String REDACTED = "[REDACTED]";

  private BasicMasks() {}

  /** Replaces every value by null; applies to every type. */
  record Nullify() implements MaskFunction {
    @Override
    public Object apply(Object value, String subjectId) {
      return null;
    }

    @Override
    public ColumnType outputType(ColumnType input) {
      return input;
    }

    @Override
    public String spec() {
      return "null";
    }
  }

  /** Replaces every non-null text by {@value #REDACTED}. */
  record Redact() implements MaskFunction {
    @Override
    public Object apply(Object value, String subjectId) {
      return value == null ? null : REDACTED;
    }

    @Override
    public ColumnType outputType(ColumnType input) {
      return requireType("redact", input, Set.of(ColumnType.STRING, ColumnType.JSON), "use null for other types");
    }

    @Override
    public String spec() {
      return "redact";
    }
  }

  /**
   * Shows the first {@code first} and last {@code last} characters and replaces the others by {@code *}; a
   * value too short to hide anything is masked whole. Numbers become text.
   */
  record Partial(int first, int last) implements MaskFunction {
    Partial {
      if (first < 0 || last < 0 || first + last > 64) {
        throw new IllegalArgumentException("partial:<first>:<last> takes two counts >= 0 that add up to 64 at most");
      }
    }

    @Override
    public Object apply(Object value, String subjectId) {
      if (value == null) {
        return null;
      }
      String s = value.toString();
      int n = s.codePointCount(0, s.length());
      if (n <= first + last) {
        return "*".repeat(n);
      }
      int headEnd = s.offsetByCodePoints(0, first);
      int tailStart = s.offsetByCodePoints(0, n - last);
      return s.substring(0, headEnd) + "*".repeat(n - first - last) + s.substring(tailStart);
    }

    @Override
    public ColumnType outputType(ColumnType input) {
      requireType("partial", input, Set.of(ColumnType.STRING, ColumnType.LONG, ColumnType.DECIMAL), null);
      return ColumnType.STRING;
    }

    @Override
    public String spec() {
      return "partial:" + first + ":" + last;
    }
  }

  /** Applies {@code onDate} to dates and {@code onInstant} to timestamps; null stays null. */
  static Object onDates(Object value, java.util.function.UnaryOperator<java.time.LocalDate> onDate,
      java.util.function.UnaryOperator<java.time.Instant> onInstant) {
    return switch (value) {
      case null -> null;
      case java.time.LocalDate d -> onDate.apply(d);
      case java.time.Instant i -> onInstant.apply(i);
      default -> throw new IllegalArgumentException("not a date: " + value.getClass().getSimpleName());
    };
  }

  static final Set<ColumnType> DATES = Set.of(ColumnType.DATE, ColumnType.TIMESTAMP);

  static ColumnType requireType(String mask, ColumnType input, Set<ColumnType> allowed, String hint) {
    if (!allowed.contains(input)) {
      throw new IllegalArgumentException("mask '" + mask + "' does not apply to " + input + " columns (it takes "
          + allowed.stream().map(Enum::name).sorted().toList() + ")" + (hint == null ? "" : "; " + hint));
    }
    return input;
  }
}
