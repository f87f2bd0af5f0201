package io.cairn.connector.datagen;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dirty values of the kinds real feeds carry, for quality steps to catch. They only ever go into text
 * columns, so they flow through typed pipelines instead of failing at the source.
 */
final class Dirt {
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);
  private static final DateTimeFormatter EU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
  private static final DateTimeFormatter TEXT_DATE =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String LOOKALIKES = "OlISBZ";

  private Dirt() {}

  /** An email address that no validator accepts. */
  static String malformedEmail(String email, Rng r) {
    String e = email.strip();
    int at = e.indexOf('@');
    if (at < 0) {
      return e + "@";
    }
    String local = e.substring(0, at);
    String domain = e.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    return switch (r.nextInt(5)) {
      case 0 -> local + domain;
      case 1 -> local + "@" + (dot > 0 ? domain.substring(0, dot) : domain + ",com");
      case 2 -> local + "@@" + domain;
      case 3 -> local.replace('.', ' ').replace('_', ' ') + " @" + domain;
      default -> local + "@";
    };
  }

  /** A phone number with a letter or two where digits belong. */
  static String phoneWithLetters(String phone, Rng r) {
    StringBuilder sb = new StringBuilder(phone);
    int replaced = 0;
    for (int tries = 0; tries < 20 && replaced < 1 + r.nextInt(2); tries++) {
      int i = r.nextInt(sb.length());
      if (Character.isDigit(sb.charAt(i))) {
        sb.setCharAt(i, LOOKALIKES.charAt(r.nextInt(LOOKALIKES.length())));
        replaced++;
      }
    }
    if (replaced == 0) {
      sb.append(" ext. ABC");
    }
    return sb.toString();
  }

  /** An ISO date far in the future: a birth date or timestamp typed with the wrong century. */
  static String futureDate(LocalDate date, Rng r) {
    return LocalDate.of(2090 + r.nextInt(10), date.getMonth(), Math.min(date.getDayOfMonth(), 28)).toString();
  }

  /** A date that is not an ISO date: another notation, an impossible day, or filler text. */
  static String badDateText(LocalDate date, Rng r) {
    return switch (r.nextInt(6)) {
      case 0 -> date.format(US_DATE);
      case 1 -> date.format(EU_DATE);
      case 2 -> date.format(TEXT_DATE);
      case 3 -> date.format(BASIC_DATE);
      case 4 -> date.getYear() + "-02-30";
      default -> r.pick(new String[] {"unknown", "n/a", "0000-00-00", "-"});
    };
  }

  /** What a required text field holds when someone skipped it: empty or whitespace. */
  static String blank(Rng r) {
    return r.chance(0.5) ? "" : " ";
  }
}
