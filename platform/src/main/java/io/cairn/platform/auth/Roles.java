package io.cairn.platform.auth;

/** Role names for {@code @RolesAllowed}; admins pass every check. */
public final class Roles {
  public static final String ADMIN = "admin";
  public static final String ENGINEER = "engineer";
  public static final String STEWARD = "steward";
  public static final String COMPLIANCE = "compliance";
  public static final String VIEWER = "viewer";
  public static final String MARKETING = "marketing";

  private Roles() {}
}
