package io.cairn.platform.auth;

import io.cairn.catalog.Role;
import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Decides {@code @RolesAllowed}: a user passes when they hold the role, or are an admin. Every authenticated
 * user passes {@code viewer}, the read-only role.
 */
public final class RoleAuthorizer implements Authorizer<CairnPrincipal> {
  @Override
  public boolean authorize(CairnPrincipal principal, String role, ContainerRequestContext ctx) {
    if (Roles.VIEWER.equals(role)) {
      return true;
    }
    try {
      return principal.has(Role.of(role));
    } catch (IllegalArgumentException unknownRole) {
      return false;
    }
  }
}
