package io.cairn.connector.datagen;

/** Phone numbers: ten national digits written in one of several common formats of the country. */
final class Phones {
  /** How many formats {@link #format} knows. */
  static final int FORMATS = 5;

  private Phones() {}

  /** Ten national digits that look like a real number (no leading 0 or 1 in area code or exchange). */
  static String digits(Rng r) {
    StringBuilder sb = new StringBuilder(10);
    sb.append(r.between(2, 9)).append(r.between(0, 9)).append(r.between(0, 9));
    sb.append(r.between(2, 9)).append(r.between(0, 9)).append(r.between(0, 9));
    for (int i = 0; i < 4; i++) {
      sb.append(r.between(0, 9));
    }
    return sb.toString();
  }

  /**
   * The digits in format {@code f}. North American numbers ({@code callingCode} 1): {@code (AAA) EEE-NNNN},
   * {@code AAA-EEE-NNNN}, {@code +1 AAA EEE NNNN}, {@code AAA.EEE.NNNN} or {@code +1AAAEEENNNN}; elsewhere
   * with a trunk prefix 0: {@code 0AAA EEE NNNN}, {@code 0AAA-EEENNNN}, {@code +C AAA EEE NNNN},
   * {@code 0AAA/EEENNNN} or {@code +CAAAEEENNNN}.
   */
  static String format(String d, String callingCode, int f) {
    String a = d.substring(0, 3);
    String e = d.substring(3, 6);
    String n = d.substring(6);
    boolean nanp = callingCode.equals("1");
    return switch (f) {
      case 0 -> nanp ? "(" + a + ") " + e + "-" + n : "0" + a + " " + e + " " + n;
      case 1 -> nanp ? a + "-" + e + "-" + n : "0" + a + "-" + e + n;
      case 2 -> "+" + callingCode + " " + a + " " + e + " " + n;
      case 3 -> nanp ? a + "." + e + "." + n : "0" + a + "/" + e + n;
      default -> "+" + callingCode + d;
    };
  }
}
