package io.cairn.platform.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code /} redirects to the web UI, which logs the user in. Deliberately without {@code @PermitAll}: Dropwizard's
 * auth filter treats that as "any signed-in user" and would answer 401, making the browser ask for a password.
 */
@Path("/")
public final class RootResource {
  @GET
  public Response root() {
    return Response.seeOther(URI.create("/ui/")).build();
  }
}
