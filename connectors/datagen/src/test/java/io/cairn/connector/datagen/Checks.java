package io.cairn.connector.datagen;

import io.cairn.spi.data.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quality checks written independently of the generator, as a quality step would write them: they decide
 * from the values alone whether a row is dirty.
 */
final class Checks {
  private static final Pattern EMAIL =
      Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Set<String> ORDER_STATUSES =
      Set.of("completed", "shipped", "pending", "cancelled", "refunded");
  private static final Set<String> CONSENT_STATUSES = Set.of("granted", "denied");

  private Checks() {}

  static boolean blank(Object v) {
    return v == null || v.toString().isBlank();
  }

  static String normalEmail(Object v) {
    return v == null ? "" : v.toString().strip().toLowerCase(Locale.ROOT);
  }

  static String phoneDigits(Object v) {
    String d = v.toString().replaceAll("[^0-9]", "");
    return d.length() > 10 ? d.substring(d.length() - 10) : d;
  }

  static boolean dirtyCustomer(Row r) {
    if (blank(r.get(1)) || blank(r.get(2)) || blank(r.get(3))) {
      return true;
    }
    if (!EMAIL.matcher(normalEmail(r.get(3))).matches()) {
      return true;
    }
    if (r.get(4).toString().chars().anyMatch(Character::isLetter)) {
      return true;
    }
    try {
      return LocalDate.parse(r.get(9).toString()).isAfter(LocalDate.now());
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  static boolean dirtyOrder(Row r) {
    return ((BigDecimal) r.get(3)).signum() < 0
        || blank(r.get(4))
        || !CURRENCY.matcher(r.get(4).toString()).matches()
        || !ORDER_STATUSES.contains(r.get(5))
        || (Long) r.get(8) <= 0;
  }

  static boolean dirtyEvent(Row r) {
    return blank(r.get(4))
        || !r.get(6).toString().startsWith("https://")
        || !r.get(8).toString().matches("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})")
        || Integer.parseInt(r.get(8).toString().split("\\.")[0]) > 255;
  }

  static boolean dirtyConsent(Row r) {
    return !CONSENT_STATUSES.contains(r.get(2)) || blank(r.get(3)) || blank(r.get(4));
  }

  static boolean dirty(String entity, Row r) {
    return switch (entity) {
      case "customers" -> dirtyCustomer(r);
      case "orders" -> dirtyOrder(r);
      case "events" -> dirtyEvent(r);
      default -> dirtyConsent(r);
    };
  }

  /** The Levenshtein distance, for "is this a typo of that". */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
