package io.cairn.platform.users;

import io.cairn.catalog.ApiTokenEntry;
import io.cairn.catalog.Role;
import io.cairn.catalog.UserAccount;
import io.cairn.catalog.UserRepository;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /api/v1/users}: admins manage users; everyone manages their own tokens under {@code /me}. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class UsersResource {
  private final UserRepository users;
  private final UserService service;

  public UsersResource(UserRepository users, UserService service) {
    this.users = users;
    this.service = service;
  }

  /** A user as the API shows it: never the password hash. */
  public record UserView(long id, String username, String displayName, List<String> roles, boolean disabled,
      OffsetDateTime createdAt) {
    static UserView of(UserAccount u) {
      return new UserView(u.id(), u.username(), u.displayName(),
          u.roles().stream().map(Role::id).sorted().toList(), u.disabled(), u.createdAt());
    }
  }

  /** A request to create a user. */
  public record NewUser(String username, String password, String displayName, List<String> roles) {}

  /** A request to change a user. */
  public record UserChange(List<String> roles, Boolean disabled, String password) {}

  /** A request for a token. */
  public record TokenRequest(String name, OffsetDateTime expiresAt) {}

  @GET
  @RolesAllowed(Roles.ADMIN)
  public List<UserView> list() {
    return users.list().stream().map(UserView::of).toList();
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response create(NewUser req) {
    if (req == null) {
      throw ApiException.badRequest("send {\"username\", \"password\", \"roles\": [...]}");
    }
    try {
      UserAccount u = service.create(req.username(), req.password(), req.displayName(), roles(req.roles()));
      return Response.status(201).entity(UserView.of(u)).build();
    } catch (IllegalArgumentException e) {
      throw e.getMessage().contains("already exists") ? ApiException.conflict(e.getMessage()) : e;
    }
  }

  @GET
  @Path("/me")
  @RolesAllowed(Roles.VIEWER)
  public UserView me(@Auth CairnPrincipal me) {
    return UserView.of(users.find(me.userId()).orElseThrow(() -> ApiException.notFound("user gone")));
  }

  @GET
  @Path("/{username}")
  @RolesAllowed(Roles.ADMIN)
  public UserView get(@PathParam("username") String username) {
    return UserView.of(find(username));
  }

  @PUT
  @Path("/{username}")
  @RolesAllowed(Roles.ADMIN)
  public UserView change(@Auth CairnPrincipal me, @PathParam("username") String username, UserChange req) {
    UserAccount u = find(username);
    if (req == null) {
      throw ApiException.badRequest("send {\"roles\": [...], \"disabled\": bool, \"password\": \"...\"}");
    }
    if (req.roles() != null) {
      Set<Role> roles = roles(req.roles());
      if (u.id() == me.userId() && !roles.contains(Role.ADMIN)) {
        throw ApiException.badRequest("you cannot take the admin role from yourself");
      }
      users.setRoles(u.id(), roles);
    }
    if (req.disabled() != null) {
      if (u.id() == me.userId() && req.disabled()) {
        throw ApiException.badRequest("you cannot disable yourself");
      }
      users.setDisabled(u.id(), req.disabled());
    }
    if (req.password() != null) {
      service.changePassword(u.id(), req.password());
    }
    return UserView.of(find(username));
  }

  @DELETE
  @Path("/{username}")
  @RolesAllowed(Roles.ADMIN)
  public Response delete(@Auth CairnPrincipal me, @PathParam("username") String username) {
    UserAccount u = find(username);
    if (u.id() == me.userId()) {
      throw ApiException.badRequest("you cannot delete yourself");
    }
    users.delete(u.id());
    return Response.noContent().build();
  }

  @GET
  @Path("/me/tokens")
  @RolesAllowed(Roles.VIEWER)
  public List<ApiTokenEntry> tokens(@Auth CairnPrincipal me) {
    return users.tokens(me.userId());
  }

  @POST
  @Path("/me/tokens")
  @RolesAllowed(Roles.VIEWER)
  public Response createToken(@Auth CairnPrincipal me, TokenRequest req) {
    if (req == null) {
      throw ApiException.badRequest("send {\"name\": \"...\"}");
    }
    return Response.status(201).entity(service.createToken(me.userId(), req.name(), req.expiresAt())).build();
  }

  @DELETE
  @Path("/me/tokens/{id}")
  @RolesAllowed(Roles.VIEWER)
  public Response revoke(@Auth CairnPrincipal me, @PathParam("id") long id) {
    if (!users.revokeToken(me.userId(), id)) {
      throw ApiException.notFound("no token " + id + " of yours");
    }
    return Response.noContent().build();
  }

  private UserAccount find(String username) {
    return users.find(username).orElseThrow(() -> ApiException.notFound("no user '" + username + "'"));
  }

  private static Set<Role> roles(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw ApiException.badRequest("give at least one role: " + Role.ids());
    }
    return names.stream().map(Role::of).collect(Collectors.toSet());
  }
}
