package io.cairn.connector.datagen;

import java.util.Locale;

/**
 * Turns a person into a near-duplicate record of the same person, the way second sign-ups and merged
 * systems do: a typo in the name, first and last name swapped, the email in other case or with stray
 * whitespace, the phone in another format, the street abbreviated. At least one visible edit is always
 * made; the birth date, postcode and (usually) the normalised email and phone digits stay, so matching can
 * find the pair.
 */
final class NearDuplicates {
  private static final String[][] STREET_ABBREVIATIONS = {
    {"Street", "St."}, {"Avenue", "Ave"}, {"Road", "Rd"}, {"Drive", "Dr."}, {"Lane", "Ln"},
    {"Boulevard", "Blvd"}, {"Court", "Ct"}, {"Place", "Pl."}, {"Straße", "Str."}, {"straße", "str."}
  };
  private static final String KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm";

  private NearDuplicates() {}

  static Person edit(Person original, Rng r) {
    Person p = original;
    boolean edited = false;
    if (r.chance(0.6)) {
      p = editName(p, r);
      edited = true;
    }
    if (r.chance(0.5)) {
      p = p.withEmail(editEmail(p.email(), r));
      edited = true;
    }
    if (!edited || r.chance(0.5)) {
      p = p.withPhoneFormat((p.phoneFormat() + 1 + r.nextInt(Phones.FORMATS - 1)) % Phones.FORMATS);
    }
    if (r.chance(0.3)) {
      p = p.withStreet(abbreviate(p.street()));
    }
    return p;
  }

  private static Person editName(Person p, Rng r) {
    return switch (r.weighted(new double[] {35, 35, 20, 10})) {
      case 0 -> p.withName(typo(p.firstName(), r), p.lastName());
      case 1 -> p.withName(p.firstName(), typo(p.lastName(), r));
      case 2 -> p.withName(p.lastName(), p.firstName());
      default -> p.withName(p.firstName(), p.lastName().toUpperCase(Locale.ROOT));
    };
  }

  private static String editEmail(String email, Rng r) {
    return switch (r.nextInt(4)) {
      case 0 -> email.toUpperCase(Locale.ROOT);
      case 1 -> capitalise(email);
      case 2 -> " " + email;
      default -> email + "  ";
    };
  }

  /** One keyboard slip: two letters swapped, one dropped, one doubled or one hit next to the right key. */
  static String typo(String s, Rng r) {
    if (s.length() < 3) {
      return s + s.charAt(s.length() - 1);
    }
    int i = 1 + r.nextInt(s.length() - 2);
    StringBuilder sb = new StringBuilder(s);
    switch (r.nextInt(4)) {
      case 0 -> {
        char c = sb.charAt(i);
        sb.setCharAt(i, sb.charAt(i + 1));
        sb.setCharAt(i + 1, c);
      }
      case 1 -> sb.deleteCharAt(i);
      case 2 -> sb.insert(i, sb.charAt(i));
      default -> sb.setCharAt(i, neighbour(sb.charAt(i), r));
    }
    String result = sb.toString();
    return result.equals(s) ? s + s.charAt(s.length() - 1) : result;
  }

  private static char neighbour(char c, Rng r) {
    int at = KEYBOARD.indexOf(Character.toLowerCase(c));
    if (at < 0) {
      return 'e';
    }
    int n = at + (r.chance(0.5) ? 1 : -1);
    if (n < 0 || n >= KEYBOARD.length() || KEYBOARD.charAt(n) == ' ') {
      n = at + (n < at ? 1 : -1);
    }
    char k = KEYBOARD.charAt(n);
    return Character.isUpperCase(c) ? Character.toUpperCase(k) : k;
  }

  private static String capitalise(String email) {
    StringBuilder sb = new StringBuilder(email.length());
    boolean start = true;
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      sb.append(start ? Character.toUpperCase(c) : c);
      start = c == '.' || c == '@' || c == '_';
    }
    return sb.toString();
  }

  private static String abbreviate(String street) {
    for (String[] a : STREET_ABBREVIATIONS) {
      if (street.contains(a[0])) {
        return street.replace(a[0], a[1]);
      }
    }
    return street.toUpperCase(Locale.ROOT);
  }
}
