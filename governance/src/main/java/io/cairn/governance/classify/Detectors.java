package io.cairn.governance.classify;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Value checks for the classifier: each says whether one value looks like one kind of personal data. */
final class Detectors {
  private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  private static final Pattern SSN = Pattern.compile("^(\\d{3})-?(\\d{2})-?(\\d{4})$");
  private static final Pattern CN_ID = Pattern.compile("^\\d{17}[\\dXx]$");
  private static final Pattern IBAN = Pattern.compile("^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$");
  private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$");
  private static final Pattern PHONE_CHARS = Pattern.compile("^\\+?[\\d\\s().-]{7,22}$");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CN_CHECK = "10X98765432";

  private Detectors() {}

  static boolean email(String v) {
    return v.length() <= 254 && EMAIL.matcher(v).matches();
  }

  /**
   * A phone number libphonenumber finds valid, written with an explicit country code or for the given region.
   * Bare digit runs (order numbers) must start with + or 0, or have separators, to count.
   */
  static boolean phone(String v, String region) {
    if (!PHONE_CHARS.matcher(v).matches() || v.chars().filter(Character::isDigit).count() < 7) {
      return false;
    }
    boolean plainDigits = v.chars().allMatch(Character::isDigit);
    if (plainDigits && !v.startsWith("0")) {
      return false;
    }
    try {
      return PHONES.isValidNumber(PHONES.parse(v, region));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** 13-19 digits (spaces or dashes allowed) passing the Luhn check, not all one digit. */
  static boolean creditCard(String v) {
    String d = v.replaceAll("[ -]", "");
    if (!d.matches("\\d{13,19}") || d.chars().distinct().count() == 1) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < d.length(); i++) {
      int n = d.charAt(d.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      }
      sum += n;
    }
    return sum % 10 == 0;
  }

  /** An IBAN whose mod-97 check holds. */
  static boolean iban(String v) {
    String s = v.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!IBAN.matcher(s).matches()) {
      return false;
    }
    StringBuilder digits = new StringBuilder();
    for (char c : (s.substring(4) + s.substring(0, 4)).toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  static boolean ip(String v) {
    if (IPV4.matcher(v).matches()) {
      return true;
    }
    if (!v.contains(":") || !v.matches("[0-9A-Fa-f:.]{2,45}")) {
      return false;
    }
    try {
      return InetAddress.getByName(v) != null;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** A US SSN: area not 000, 666 or 9xx, group not 00, serial not 0000. */
  static boolean ssn(String v) {
    var m = SSN.matcher(v);
    if (!m.matches() || !v.contains("-") && v.length() != 9) {
      return false;
    }
    int area = Integer.parseInt(m.group(1));
    return area != 0 && area != 666 && area < 900 && !m.group(2).equals("00") && !m.group(3).equals("0000");
  }

  /** A Chinese resident id: 18 characters, a valid birth date, and the ISO 7064 MOD 11-2 check character. */
  static boolean chineseResidentId(String v) {
    if (!CN_ID.matcher(v).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (v.charAt(i) - '0') * CN_WEIGHTS[i];
    }
    if (Character.toUpperCase(v.charAt(17)) != CN_CHECK.charAt(sum % 11)) {
      return false;
    }
    return birthDate(v.substring(6, 10) + "-" + v.substring(10, 12) + "-" + v.substring(12, 14));
  }

  /** An ISO date between 1900 and today, as birth dates are. */
  static boolean birthDate(String v) {
    try {
      LocalDate d = LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
      return d.getYear() >= 1900 && !d.isAfter(LocalDate.now());
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
