package io.cairn.profiles.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.datafaker.Faker;

/**
 * A ground truth for identity resolution, after the datagen connector's conventions: Datafaker people, a
 * share of them with near-duplicate records (name typos, first and last name swapped, email in other case,
 * with stray spaces or Gmail dots, phone in another format, street abbreviated, the original's device),
 * some duplicates from another channel (a new email, no phone: only names and address can find them), and
 * households: different people at one address sharing a device.
 */
final class SyntheticCustomers {
  private static final String[] DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "example.org"};
  private static final String[][] ABBREVIATIONS = {
    {"Street", "St."}, {"Avenue", "Ave"}, {"Road", "Rd"}, {"Drive", "Dr."}, {"Lane", "Ln"}, {"Court", "Ct"}
  };

  private final Random random;
  private final Faker faker;
  private final List<IdentityRecord> records = new ArrayList<>();
  private final Map<String, String> truth = new HashMap<>();

  private SyntheticCustomers(long seed) {
    this.random = new Random(seed);
    this.faker = new Faker(Locale.US, new Random(seed + 1));
  }

  /**
   * {@code people} people; each has a near-duplicate with probability {@code duplicateRate}, and one in ten
   * shares home and device with a new household member.
   */
  static SyntheticCustomers generate(long seed, int people, double duplicateRate) {
    SyntheticCustomers s = new SyntheticCustomers(seed);
    for (int p = 0; p < people; p++) {
      s.person(p, duplicateRate);
    }
    return s;
  }

  List<IdentityRecord> records() {
    return records;
  }

  /** The true person of every record id. */
  Map<String, String> truth() {
    return truth;
  }

  private void person(int p, double duplicateRate) {
    Map<String, String> a = new LinkedHashMap<>();
    String first = faker.name().firstName();
    String last = faker.name().lastName();
    a.put("first_name", first);
    a.put("last_name", last);
    a.put("street", faker.address().streetAddress());
    a.put("city", faker.address().city());
    a.put("postcode", faker.address().zipCode());
    a.put("birth_date", LocalDate.of(1950, 1, 1).plusDays(random.nextInt(50 * 365)).toString());
    String email = (first + "." + last + p).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "")
        + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    String phone = phoneDigits();
    String device = UUID.nameUUIDFromBytes(("device" + p).getBytes()).toString();
    String person = "person-" + p;
    add(person, "crm", a, email, format(phone, random.nextInt(4)), device,
        random.nextDouble() < 0.85 ? "CRM-" + (1_000_000 + p) : null);
    if (random.nextDouble() < duplicateRate) {
      duplicate(person, a, email, phone, device);
    }
    if (random.nextDouble() < 0.1) {
      Map<String, String> member = new LinkedHashMap<>(a);
      member.put("first_name", faker.name().firstName());
      member.put("birth_date", LocalDate.of(1950, 1, 1).plusDays(random.nextInt(50 * 365)).toString());
      String memberEmail = (member.get("first_name") + "." + last + "h" + p).toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9.]", "") + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
      add("household-" + p, "web", member, memberEmail, format(phoneDigits(), 0), device, null);
    }
  }

  private void duplicate(String person, Map<String, String> original, String email, String phone, String device) {
    Map<String, String> a = new LinkedHashMap<>(original);
    if (random.nextDouble() < 0.6) {
      String first = a.get("first_name");
      String last = a.get("last_name");
      switch (random.nextInt(4)) {
        case 0 -> a.put("first_name", typo(first));
        case 1 -> a.put("last_name", typo(last));
        case 2 -> {
          a.put("first_name", last);
          a.put("last_name", first);
        }
        default -> a.put("last_name", last.toUpperCase(Locale.ROOT));
      }
    }
    if (random.nextDouble() < 0.3) {
      a.put("street", abbreviate(a.get("street")));
    }
    String dupDevice = random.nextBoolean() ? device : UUID.randomUUID().toString();
    boolean otherChannel = random.nextDouble() < 0.2;
    String dupEmail = otherChannel ? "new." + email.replace("@", "x@") : editEmail(email);
    String dupPhone = otherChannel ? null : format(phone, random.nextInt(4));
    add(person, "web", a, dupEmail, dupPhone, dupDevice, null);
  }

  private void add(String person, String source, Map<String, String> attributes, String email, String phone,
      String device, String crm) {
    String id = source + "-" + records.size();
    Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
    ids.put(IdentifierType.EMAIL, email);
    ids.put(IdentifierType.PHONE, phone);
    ids.put(IdentifierType.DEVICE_ID, device);
    ids.put(IdentifierType.CRM_ID, crm);
    ids.values().removeIf(v -> v == null);
    records.add(new IdentityRecord(id, source, Instant.ofEpochSecond(1_700_000_000L + records.size()), ids,
        attributes));
    truth.put(id, person);
  }

  private String editEmail(String email) {
    return switch (random.nextInt(4)) {
      case 0 -> email.toUpperCase(Locale.ROOT);
      case 1 -> " " + email + "  ";
      case 2 -> email.endsWith("@gmail.com") ? email.replaceFirst("^(.)", "$1.") : email.strip();
      default -> email.substring(0, 1).toUpperCase(Locale.ROOT) + email.substring(1);
    };
  }

  private String phoneDigits() {
    StringBuilder sb = new StringBuilder();
    sb.append(2 + random.nextInt(8)).append(random.nextInt(10)).append(random.nextInt(10));
    sb.append(2 + random.nextInt(8)).append(random.nextInt(10)).append(random.nextInt(10));
    for (int i = 0; i < 4; i++) {
      sb.append(random.nextInt(10));
    }
    return sb.toString();
  }

  private static String format(String d, int f) {
    String a = d.substring(0, 3);
    String e = d.substring(3, 6);
    String n = d.substring(6);
    return switch (f) {
      case 0 -> "(" + a + ") " + e + "-" + n;
      case 1 -> a + "-" + e + "-" + n;
      case 2 -> "+1 " + a + " " + e + " " + n;
      default -> a + "." + e + "." + n;
    };
  }

  private String typo(String s) {
    if (s.length() < 3) {
      return s + s.charAt(s.length() - 1);
    }
    int i = 1 + random.nextInt(s.length() - 2);
    StringBuilder sb = new StringBuilder(s);
    switch (random.nextInt(3)) {
      case 0 -> {
        char c = sb.charAt(i);
        sb.setCharAt(i, sb.charAt(i + 1));
        sb.setCharAt(i + 1, c);
      }
      case 1 -> sb.deleteCharAt(i);
      default -> sb.insert(i, sb.charAt(i));
    }
    return sb.toString();
  }

  private static String abbreviate(String street) {
    for (String[] a : ABBREVIATIONS) {
      if (street.contains(a[0])) {
        return street.replace(a[0], a[1]);
      }
    }
    return street.toUpperCase(Locale.ROOT);
  }
}
