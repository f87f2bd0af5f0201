package io.cairn.connector.datagen;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The personal attributes of one customer record, before near-duplicate edits and dirt.
 *
 * @param phoneDigits ten national digits; {@code phoneFormat} says how they are written
 */
record Person(
    String firstName,
    String lastName,
    String email,
    String phoneDigits,
    int phoneFormat,
    String street,
    String city,
    String postcode,
    LocalDate birthDate) {

  static final LocalDate REFERENCE_DATE = Population.REFERENCE.atOffset(ZoneOffset.UTC).toLocalDate();
  private static final double[] PHONE_FORMATS = {0.45, 0.30, 0.15, 0.10, 0.0};
  private static final double[] EMAIL_PATTERNS = {0.35, 0.15, 0.15, 0.10, 0.15, 0.10};

  /** A fresh person from the pools, drawn with {@code r}. */
  static Person create(Pools pools, Rng r) {
    int fi = r.nextInt(pools.firstNames.size());
    int li = r.nextInt(pools.lastNames.size());
    LocalDate birth = REFERENCE_DATE.minusDays(18 * 365 + r.nextInt(67 * 365));
    String email = email(pools.firstNamesAscii.get(fi), pools.lastNamesAscii.get(li), birth, pools, r);
    String phone = Phones.digits(r);
    int format = r.weighted(PHONE_FORMATS);
    String[] place = r.pick(pools.places);
    int number = r.chance(0.7) ? r.between(1, 999) : r.between(1000, 9999);
    String streetName = r.pick(pools.streets);
    String street = pools.numberFirst ? number + " " + streetName : streetName + " " + number;
    return new Person(
        pools.firstNames.get(fi),
        pools.lastNames.get(li),
        email,
        phone,
        format,
        street,
        place[0],
        place[1],
        birth);
  }

  private static String email(String first, String last, LocalDate birth, Pools pools, Rng r) {
    StringBuilder local = new StringBuilder(32);
    switch (r.weighted(EMAIL_PATTERNS)) {
      case 0 -> local.append(first).append('.').append(last);
      case 1 -> local.append(first).append(last);
      case 2 -> local.append(first.charAt(0)).append('.').append(last);
      case 3 -> local.append(first).append('_').append(last);
      case 4 -> local.append(first.charAt(0)).append(last);
      default -> local.append(first).append('.').append(last.charAt(0));
    }
    if (r.chance(0.45)) {
      if (r.chance(0.5)) {
        local.append(birth.getYear() % 100 < 10 ? "0" : "").append(birth.getYear() % 100);
      } else {
        local.append(r.between(1, 999));
      }
    }
    String domain =
        r.chance(0.7) ? Pools.WEBMAIL[r.weighted(Pools.WEBMAIL_SHARE)] : r.pick(pools.domains);
    return local.append('@').append(domain).toString();
  }

  Person withName(String first, String last) {
    return new Person(first, last, email, phoneDigits, phoneFormat, street, city, postcode, birthDate);
  }

  Person withEmail(String newEmail) {
    return new Person(
        firstName, lastName, newEmail, phoneDigits, phoneFormat, street, city, postcode, birthDate);
  }

  Person withPhoneFormat(int format) {
    return new Person(
        firstName, lastName, email, phoneDigits, format, street, city, postcode, birthDate);
  }

  Person withStreet(String newStreet) {
    return new Person(
        firstName, lastName, email, phoneDigits, phoneFormat, newStreet, city, postcode, birthDate);
  }
}
