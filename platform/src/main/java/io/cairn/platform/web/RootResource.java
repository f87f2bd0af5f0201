package io.cairn.platform.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /} redirects to the web UI, which logs the user in. */
@Path("/")
@PermitAll
public final class RootResource {
  @GET
  public Response root() {
    return Response.seeOther(URI.create("/ui/")).build();
  }
}
