package io.cairn.quality.check;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.cairn.quality.data.Values;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Format checks and their normalisations: email, phone (libphonenumber), dates. Thread-safe. */
public final class Formats {
  /** The WHATWG HTML standard's "valid email address" (the syntax browsers check in email inputs). */
  private static final Pattern EMAIL = Pattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
          + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private Formats() {}

  public static ValueCheck email() {
    return new ValueCheck("is not a valid email", new ColumnPredicate() {
      @Override
      public boolean test(Object v) {
        return EMAIL.matcher(Values.text(v)).matches();
      }

      @Override
      public int failing(Cells cells, int[] out) {
        int k = 0;
        for (int i = 0, n = cells.size(); i < n; i++) {
          Object v = cells.get(i);
          if (v != null && !EMAIL.matcher(Values.text(v)).matches()) {
            out[k++] = i;
          }
        }
        return k;
      }
    });
  }

  /** A valid phone number; numbers without a country code are read as numbers of {@code region}. */
  public static ValueCheck phone(String region) {
    return new ValueCheck("is not a valid phone number" + (region == null ? "" : " for " + region),
        v -> parsePhone(Values.text(v), region).filter(PHONES::isValidNumber).isPresent());
  }

  /** A date (or date-time) in the pattern, read strictly: {@code 2023-02-30} fails. */
  public static ValueCheck date(String pattern) {
    DateTimeFormatter f = formatter(pattern);
    return new ValueCheck("is not a date in the form " + (pattern == null ? "yyyy-MM-dd" : pattern), v -> {
      if (v instanceof TemporalAccessor) {
        return true;
      }
      try {
        f.parse(Values.text(v));
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    });
  }

  /** A strict formatter for a pattern ({@code yyyy} read as the proleptic year); ISO date when null. */
  public static DateTimeFormatter formatter(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);
    }
    return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** The number in E.164 ({@code +33612345678}), or empty when it is not a valid number. */
  public static Optional<String> e164(String text, String region) {
    return parsePhone(text, region).filter(PHONES::isValidNumber)
        .map(n -> PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
  }

  /** The address trimmed and lower-cased, or empty when it is not a valid email. */
  public static Optional<String> normalEmail(String text) {
    String e = text.strip().toLowerCase(Locale.ROOT);
    return EMAIL.matcher(e).matches() ? Optional.of(e) : Optional.empty();
  }

  private static Optional<PhoneNumber> parsePhone(String text, String region) {
    try {
      return Optional.of(PHONES.parse(text, region == null ? "ZZ" : region.toUpperCase(Locale.ROOT)));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
