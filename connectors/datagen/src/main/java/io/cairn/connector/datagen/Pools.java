package io.cairn.connector.datagen;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.datafaker.providers.base.BaseFaker;

/**
 * Realistic values drawn once from Datafaker with the task's seed and locale, then combined per row.
 * Datafaker takes tens of microseconds per value; picking from these lists takes nanoseconds. Immutable
 * once built; the same seed and locale always give the same pools.
 */
final class Pools {
  private static final int NAMES = 1500;
  private static final int STREETS = 2000;
  private static final int PLACES = 800;
  private static final int AGENTS = 150;
  private static final int PRODUCTS = 400;
  private static final int DOMAINS = 60;

  /** Webmail providers take most addresses; the rest go to Datafaker's invented domains. */
  static final String[] WEBMAIL = {
    "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me"
  };

  /** The relative shares of {@link #WEBMAIL}. */
  static final double[] WEBMAIL_SHARE = {45, 14, 12, 10, 10, 5, 4};

  final List<String> firstNames;
  final List<String> lastNames;
  /** Lower-case ASCII forms of the names, for email addresses; same indexes as the names. */
  final List<String> firstNamesAscii;
  final List<String> lastNamesAscii;
  final List<String> streets;
  /** City and postcode pairs, so a city keeps its postcode. */
  final List<String[]> places;
  final List<String> domains;
  final List<String> userAgents;
  /** Product URL slugs. */
  final List<String> products;
  final String country;
  final String currency;
  final String callingCode;
  /** Whether house numbers come before the street name ({@code 12 Main Street}) in this country. */
  final boolean numberFirst;

  Pools(long seed, Locale locale) {
    BaseFaker faker = new BaseFaker(locale, new Random(seed));
    firstNames = distinct(NAMES, () -> faker.name().firstName());
    lastNames = distinct(NAMES, () -> faker.name().lastName());
    firstNamesAscii = firstNames.stream().map(Pools::ascii).toList();
    lastNamesAscii = lastNames.stream().map(Pools::ascii).toList();
    streets = distinct(STREETS, () -> faker.address().streetName());
    List<String[]> p = new ArrayList<>();
    for (int i = 0; i < PLACES; i++) {
      p.add(new String[] {faker.address().city(), faker.address().zipCode()});
    }
    places = List.copyOf(p);
    domains = distinct(DOMAINS, () -> faker.internet().domainName().toLowerCase(Locale.ROOT));
    userAgents = distinct(AGENTS, () -> faker.internet().userAgent());
    products = distinct(PRODUCTS, () -> slug(faker.commerce().productName()));
    country = locale.getCountry().isEmpty() ? faker.address().countryCode() : locale.getCountry();
    currency = currencyOf(country);
    callingCode = callingCodeOf(country);
    numberFirst = switch (country) {
      case "US", "CA", "GB", "IE", "AU", "NZ", "FR", "IN" -> true;
      default -> false;
    };
  }

  /** Up to {@code n} distinct values; Datafaker's lists for some locales are shorter than n. */
  private static List<String> distinct(int n, Supplier<String> source) {
    Set<String> values = new LinkedHashSet<>();
    for (int i = 0; i < n * 2 && values.size() < n; i++) {
      String v = source.get();
      if (v != null && !v.isBlank()) {
        values.add(v.strip());
      }
    }
    if (values.isEmpty()) {
      throw new IllegalStateException("Datafaker produced no values for a pool");
    }
    return List.copyOf(values);
  }

  /** Lower-case ASCII letters only: {@code "Zoë O'Brien"} becomes {@code "zoeobrien"}. */
  static String ascii(String s) {
    String folded = Normalizer.normalize(s, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= 'a' && c <= 'z') {
        sb.append(c);
      }
    }
    return sb.isEmpty() ? "user" : sb.toString();
  }

  private static String slug(String s) {
    StringBuilder sb = new StringBuilder();
    for (String word : s.split("\\s+")) {
      String a = ascii(word);
      if (!sb.isEmpty()) {
        sb.append('-');
      }
      sb.append(a);
    }
    return sb.toString();
  }

  private static String currencyOf(String country) {
    try {
      Currency c = Currency.getInstance(Locale.of("", country));
      return c == null ? "USD" : c.getCurrencyCode();
    } catch (IllegalArgumentException e) {
      return "USD";
    }
  }

  private static String callingCodeOf(String country) {
    return switch (country) {
      case "US", "CA" -> "1";
      case "GB" -> "44";
      case "DE" -> "49";
      case "FR" -> "33";
      case "NL" -> "31";
      case "BE" -> "32";
      case "ES" -> "34";
      case "IT" -> "39";
      case "AT" -> "43";
      case "CH" -> "41";
      case "SE" -> "46";
      case "AU" -> "61";
      case "IN" -> "91";
      case "BR" -> "55";
      case "JP" -> "81";
      default -> "1";
    };
  }
}
