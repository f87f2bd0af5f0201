package io.cairn.platform.auth;

import io.cairn.catalog.Role;
import java.security.Principal;
import java.util.Set;

/** An authenticated user and the roles they hold. Admins hold every role implicitly. */
public record CairnPrincipal(long userId, String username, Set<Role> roles) implements Principal {
  public CairnPrincipal {
    roles = Set.copyOf(roles);
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean has(Role role) {
    return roles.contains(Role.ADMIN) || roles.contains(role);
  }
}
