package io.cairn.governance.erasure;

import java.util.Locale;
import java.util.Objects;

/**
 * One identifier of a person: its type (e.g. {@code email}, {@code customer_id}, {@code subject}) and value.
 * {@link #toString()} never shows the value.
 */
public record Identifier(String type, String value) {
  /** The type of identifiers found in datasets' subject columns. */
  public static final String SUBJECT = "subject";

  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    type = type.strip().toLowerCase(Locale.ROOT);
    value = value.strip();
    if (type.isEmpty() || !type.matches("[a-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException("an identifier type is 1 to 64 letters, digits, '_', '.' or '-'");
    }
    if (value.isEmpty() || value.length() > 1024) {
      throw new IllegalArgumentException("an identifier value must have 1 to 1024 characters");
    }
  }

  /** The value as tombstones and matching see it: trimmed, and lower-cased when it is an email address. */
  public static String normalise(String raw) {
    String v = raw.strip();
    return v.indexOf('@') > 0 ? v.toLowerCase(Locale.ROOT) : v;
  }

  /** A masked hint for people reading the request (first character, length class, domain of an email). */
  public String hint() {
    int at = value.indexOf('@');
    if (at > 0) {
      return value.charAt(0) + "***" + value.substring(at);
    }
    return value.length() <= 2 ? "**" : value.charAt(0) + "***" + value.charAt(value.length() - 1);
  }

  @Override
  public String toString() {
    return type + ":" + hint();
  }
}
