package io.cairn.governance.masking;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises contact values the way customer-matching platforms require before hashing: emails trimmed and
 * lower-cased, phones in E.164 ({@code +14155550123}) parsed with libphonenumber.
 */
public final class Normalise {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private Normalise() {}

  /** The email trimmed and in lower case; empty when it has no {@code @} with text on both sides. */
  public static Optional<String> email(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String e = raw.strip().toLowerCase(Locale.ROOT);
    int at = e.indexOf('@');
    if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.chars().anyMatch(Character::isWhitespace)) {
      return Optional.empty();
    }
    return Optional.of(e);
  }

  /**
   * The phone number in E.164, or empty when libphonenumber cannot parse it or it is not a possible number.
   *
   * @param defaultRegion ISO 3166 region (e.g. {@code US}, {@code GB}) for numbers written without a country code
   */
  public static Optional<String> phone(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      PhoneNumber n = PHONES.parse(raw, defaultRegion);
      if (!PHONES.isPossibleNumber(n)) {
        return Optional.empty();
      }
      return Optional.of(PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** Whether libphonenumber knows the region code. */
  public static boolean knownRegion(String region) {
    return PHONES.getSupportedRegions().contains(region);
  }
}
