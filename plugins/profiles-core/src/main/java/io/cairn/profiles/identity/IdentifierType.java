package io.cairn.profiles.identity;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of identifier a record can carry; each has its own normalisation. */
public enum IdentifierType {
  USER_ID,
  EMAIL,
  PHONE,
  DEVICE_ID,
  ANONYMOUS_ID,
  COOKIE,
  CRM_ID;

  private final String configName = name().toLowerCase(Locale.ROOT);

  /** The name used in configuration and explanations, e.g. {@code device_id}. */
  public String configName() {
    return configName;
  }

  /**
   * The type named {@code name} (as {@link #configName()}, any case).
   *
   * @throws IllegalArgumentException naming the known types when there is none
   */
  public static IdentifierType parse(String name) {
    for (IdentifierType t : values()) {
      if (t.configName().equalsIgnoreCase(name.strip())) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown identifier type '" + name + "' (known: "
            + String.join(", ", Arrays.stream(values()).map(IdentifierType::configName).toList()) + ")");
  }

  /** Whether {@code name} names a type. */
  public static boolean isType(String name) {
    return Arrays.stream(values()).anyMatch(t -> t.configName().equalsIgnoreCase(name.strip()));
  }
}
