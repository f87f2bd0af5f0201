package io.cairn.catalog;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as the catalog keeps it. The password hash never leaves the catalog and auth layers. */
public record UserAccount(
    long id, String username, String displayName, Set<Role> roles, boolean disabled, OffsetDateTime createdAt) {
  public UserAccount {
    roles = Set.copyOf(roles);
  }
}
