package io.cairn.catalog;

import java.util.Locale;

/** The roles a user can hold; they decide what each user may do. */
public enum Role {
  ADMIN,
  ENGINEER,
  STEWARD,
  COMPLIANCE,
  VIEWER,
  /** Marketing analysts: read profiles, segments and models and export segments. */
  MARKETING;

  /** The name stored in the catalog and used in {@code @RolesAllowed}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every role's id, comma-separated, for messages: {@code admin, engineer, ..., marketing}. */
  public static String ids() {
    return java.util.Arrays.stream(values()).map(Role::id).collect(java.util.stream.Collectors.joining(", "));
  }

  public static Role of(String id) {
    try {
      return valueOf(id.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + id + "' (roles: " + ids() + ")");
    }
  }
}
