package io.cairn.governance.consent;

import java.util.Locale;

/** Where a consent event came from. */
public enum ConsentSource {
  FORM,
  API,
  TCF,
  GPC,
  IMPORT,
  /** Consent flags in a collected event's context. */
  EVENT;

  public String term() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the accepted terms */
  public static ConsentSource parse(String value) {
    return Terms.parse(ConsentSource.class, ConsentSource::term, "source", value);
  }
}
