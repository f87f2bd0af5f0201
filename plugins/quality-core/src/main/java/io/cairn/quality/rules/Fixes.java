package io.cairn.quality.rules;

import io.cairn.quality.check.Formats;
import io.cairn.quality.data.Values;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** The value fixes, by name: trim, case, normalize, phone_e164, email, date_iso, fill, cap. */
final class Fixes {
  private Fixes() {}

  static ValueFix create(Spec spec) {
    String type = spec.required("fix");
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "trim" -> text("trim", String::strip);
      case "case" -> caseFix(spec.string("to", "lower"), spec);
      case "normalize" -> normalize(spec);
      case "phone_e164" -> {
        String region = spec.string("region", null);
        yield text("phone to E.164" + (region == null ? "" : " (region " + region + ")"),
            s -> Formats.e164(s, region).orElse(s));
      }
      case "email" -> text("normalise email", s -> Formats.normalEmail(s).orElse(s));
      case "date_iso" -> dateIso(spec);
      case "fill" -> Fill.create(spec);
      case "cap" -> cap(spec.number("min"), spec.number("max"));
      default -> {
        spec.problem("unknown fix '" + type + "' (known: trim, case, normalize, phone_e164, email, date_iso, fill, "
            + "cap, dedupe)");
        yield null;
      }
    };
  }

  /** A fix of text values; other values pass unchanged. */
  static ValueFix text(String description, UnaryOperator<String> f) {
    return new ValueFix() {
      @Override
      public Object apply(Object value, Pass pass, int column) {
        return value instanceof String s ? f.apply(s) : value;
      }

      @Override
      public String description() {
        return description;
      }
    };
  }

  private static ValueFix caseFix(String to, Spec spec) {
    return switch (to.toLowerCase(Locale.ROOT)) {
      case "upper" -> text("upper case", s -> s.toUpperCase(Locale.ROOT));
      case "lower" -> text("lower case", s -> s.toLowerCase(Locale.ROOT));
      case "title" -> text("title case", Fixes::title);
      default -> {
        spec.problem("'to' must be upper, lower or title, not '" + to + "'");
        yield null;
      }
    };
  }

  private static String title(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean start = true;
    for (int cp : s.codePoints().toArray()) {
      b.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
      start = !Character.isLetter(cp) && cp != '\'';
    }
    return b.toString();
  }

  private static ValueFix normalize(Spec spec) {
    String form = spec.string("form", "NFC").toUpperCase(Locale.ROOT);
    try {
      Normalizer.Form f = Normalizer.Form.valueOf(form);
      return text("Unicode " + form, s -> Normalizer.normalize(s, f));
    } catch (IllegalArgumentException e) {
      spec.problem("'form' must be NFC, NFD, NFKC or NFKD, not '" + form + "'");
      return null;
    }
  }

  /**
   * Dates to ISO-8601: text read with the first of {@code formats} that fits (ISO when none); a date becomes
   * {@code 2024-03-01}, a date-time {@code 2024-03-01T10:00:00+01:00} in its own offset or else {@code zone}.
   */
  private static ValueFix dateIso(Spec spec) {
    List<DateTimeFormatter> formats = spec.list("formats").stream().map(p -> Formats.formatter(p.toString()))
        .toList();
    List<DateTimeFormatter> tries = formats.isEmpty()
        ? List.of(DateTimeFormatter.ISO_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE) : formats;
    ZoneId zone = ZoneId.of(spec.string("zone", "UTC"));
    return text("dates to ISO-8601", s -> {
      for (DateTimeFormatter f : tries) {
        try {
          TemporalAccessor t = f.parseBest(s.strip(), ZonedDateTime::from, OffsetDateTime::from,
              LocalDateTime::from, LocalDate::from);
          return switch (t) {
            case ZonedDateTime z -> z.toOffsetDateTime().toString();
            case OffsetDateTime o -> o.toString();
            case LocalDateTime l -> l.atZone(zone).toOffsetDateTime().toString();
            default -> t.toString();
          };
        } catch (DateTimeParseException e) {
          // try the next format
        }
      }
      return s;
    });
  }

  static ValueFix cap(Double min, Double max) {
    return new ValueFix() {
      @Override
      public Object apply(Object value, Pass pass, int column) {
        BigDecimal n = Values.number(value);
        if (n == null) {
          return value;
        }
        double d = n.doubleValue();
        double capped = min != null && d < min ? min : max != null && d > max ? max : d;
        return capped == d ? value : like(capped, value);
      }

      @Override
      public String description() {
        return "cap to [" + (min == null ? "" : min) + ", " + (max == null ? "" : max) + "]";
      }
    };
  }

  /** A number in the Java type of another value of the column (a Long stays a Long). */
  static Object like(double value, Object sample) {
    return switch (sample) {
      case Long l -> Math.round(value);
      case Integer i -> (int) Math.round(value);
      case BigDecimal b -> BigDecimal.valueOf(value);
      case String s -> BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
      case null, default -> value;
    };
  }
}
