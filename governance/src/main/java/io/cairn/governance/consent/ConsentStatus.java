package io.cairn.governance.consent;

import java.util.Locale;

/** What a subject said about a purpose: granted, denied (never given, or objected) or withdrawn. */
public enum ConsentStatus {
  GRANTED,
  DENIED,
  WITHDRAWN;

  public String term() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the accepted terms */
  public static ConsentStatus parse(String value) {
    return Terms.parse(ConsentStatus.class, ConsentStatus::term, "status", value);
  }
}
