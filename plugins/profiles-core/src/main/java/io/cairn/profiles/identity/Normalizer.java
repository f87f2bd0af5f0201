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
 *
 * <p>Two fast paths give the same results without the general machinery: an email is checked by a scan
 * equivalent to the address pattern, and a North American number (country code 1) written with digits and
 * the usual separators only, e.g. {@code +1 (415) 555-0123}, or, when the default region is in the North
 * American plan, {@code 415-555-0123}, is put in E.164 directly; every other phone goes through
 * libphonenumber.
 */
public final class Normalizer {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final String defaultRegion;
  private final boolean northAmerican;

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
    this.northAmerican = PHONES.getCountryCodeForRegion(region) == 1;
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
    int at = e.indexOf('@');
    if (!isAddress(e, at)) {
      return null;
    }
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

  /**
   * Whether a lower-cased {@code e} matches {@link #EMAIL} (one {@code @}, no whitespace, a non-empty local
   * part, a domain ending in a dot and two or more letters a-z after something), by one scan; characters
   * outside Latin-1 fall back to the pattern.
   */
  static boolean isAddress(String e, int at) {
    if (at <= 0 || e.indexOf('@', at + 1) >= 0) {
      return false;
    }
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      if (c > 0xff) {
        return EMAIL.matcher(e).matches();
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r') {
        return false;
      }
    }
    int dot = e.lastIndexOf('.');
    if (dot <= at + 1 || e.length() - dot - 1 < 2) {
      return false;
    }
    for (int i = dot + 1; i < e.length(); i++) {
      char c = e.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  /** A phone in E.164, or null when libphonenumber cannot read it as a possible number. */
  public String phone(String raw) {
    String fast = northAmerican(raw);
    return fast != null ? fast : library(raw);
  }

  /** {@link #phone} without the fast path: libphonenumber for every number. */
  String library(String raw) {
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

  /**
   * The E.164 form of a North American number with ten digits after the country code (area code 2-9), given
   * as {@code +1} and those digits or, in a North American default region, as the ten digits, with spaces,
   * dashes, dots and one pair of parentheses between them; null for anything else (libphonenumber decides).
   */
  private String northAmerican(String raw) {
    int n = raw.length();
    if (n < 10 || n > 24) {
      return null;
    }
    boolean plus = raw.charAt(0) == '+';
    if (!plus && !northAmerican) {
      return null;
    }
    byte[] digits = new byte[12];
    digits[0] = '+';
    int count = plus ? 0 : 1;
    if (!plus) {
      digits[1] = '1';
    }
    boolean open = false;
    boolean closed = false;
    char previous = '+';
    for (int i = plus ? 1 : 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        if (count == 11) {
          return null;
        }
        digits[++count] = (byte) c;
      } else if (c == '(' && !open && (i == 0 || previous == ' ' || previous >= '0' && previous <= '9')) {
        open = true;
      } else if (c == ')' && open && !closed && previous >= '0' && previous <= '9') {
        closed = true;
      } else if ((c == ' ' || c == '-' || c == '.') && previous >= '0' && previous <= '9'
          || c == ' ' && previous == ')') {
        // a single separator after a digit (or a space after the closing parenthesis)
      } else {
        return null;
      }
      previous = c;
    }
    if (count != 11 || digits[1] != '1' || digits[2] < '2' || open != closed || previous < '0' || previous > '9') {
      return null;
    }
    return new String(digits, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
