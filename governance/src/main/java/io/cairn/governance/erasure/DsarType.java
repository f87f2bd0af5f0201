package io.cairn.governance.erasure;

import java.util.Locale;

/** The kinds of data subject request. */
public enum DsarType {
  /** Delete or anonymise everything held about the person, and keep them out (tombstones). */
  ERASURE,
  /** Collect everything held about the person into one JSON bundle. */
  ACCESS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for anything but {@code erasure} or {@code access} */
  public static DsarType parse(String text) {
    for (DsarType t : values()) {
      if (t.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return t;
      }
    }
    throw new IllegalArgumentException("type must be 'erasure' or 'access', not '" + text + "'");
  }
}
