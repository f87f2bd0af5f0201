package io.cairn.governance.consent;

import java.util.Locale;

/** The lawful basis of processing (GDPR art. 6): consent, legitimate interest or contract. */
public enum LawfulBasis {
  CONSENT,
  LEGITIMATE_INTEREST,
  CONTRACT;

  public String term() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the accepted terms */
  public static LawfulBasis parse(String value) {
    return Terms.parse(LawfulBasis.class, LawfulBasis::term, "lawful basis", value);
  }
}
