package io.cairn.profiles.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings identifiers to one canonical form so that equal identities compare equal: emails trimmed and
 * lower-cased (for Gmail also without dots and {@code +tags}, {@code googlemail.com} as {@code gmail.com}),
 * phones in E.164 through libphonenumber, other identifiers trimmed (device, anonymous and cookie ids also
 * lower-cased). Immutable and thread-safe.
 */
public final class Normalizer {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final String defaultRegion;

  /**
   * @param defaultRegion the ISO 3166 region phones without a country code belong to, e.g. {@code US}
   * @throws IllegalArgumentException when libphonenumber does not know the region
   */
  public Normalizer(String defaultRegion) {
    String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
    if (!PHONES.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("unknown phone region '" + defaultRegion + "' (use an ISO code like US or DE)");
    }
    this.defaultRegion = region;
  }

  /** The canonical form of {@code raw}, or null when it is blank or not a valid identifier of its type. */
  public String normalise(IdentifierType type, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    return switch (type) {
      case EMAIL -> email(value);
      case PHONE -> phone(value);
      case DEVICE_ID, ANONYMOUS_ID, COOKIE -> value.toLowerCase(Locale.ROOT);
      case USER_ID, CRM_ID -> value;
    };
  }

  /** A lower-cased email with Gmail's equivalences applied, or null when it is not an address. */
  public static String email(String raw) {
    String e = raw.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(e).matches()) {
      return null;
    }
    int at = e.indexOf('@');
    String local = e.substring(0, at);
    String domain = e.substring(at + 1);
    if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
      int plus = local.indexOf('+');
      local = (plus >= 0 ? local.substring(0, plus) : local).replace(".", "");
      if (local.isEmpty()) {
        return null;
      }
      domain = "gmail.com";
    }
    return local + "@" + domain;
  }

  /** A phone in E.164, or null when libphonenumber cannot read it as a possible number. */
  public String phone(String raw) {
    if (raw.chars().anyMatch(Character::isLetter)) {
      return null; // letters are typing errors here, not vanity numbers
    }
    try {
      PhoneNumber number = PHONES.parse(raw, defaultRegion);
      return PHONES.isPossibleNumber(number) ? PHONES.format(number, PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
