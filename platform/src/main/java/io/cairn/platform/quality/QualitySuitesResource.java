package io.cairn.platform.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/quality/suites}: named Great Expectations suites that quality steps run by name. Everyone
 * reads; stewards save ({@code {"name", "description", "expectations": [...], "append": false}}), e.g. the
 * suggestions of a profile they accept.
 */
@Path("/api/v1/quality/suites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class QualitySuitesResource {
  private final QualitySuites suites;

  public QualitySuitesResource(QualitySuites suites) {
    this.suites = suites;
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  public List<Map<String, Object>> list() {
    return suites.list();
  }

  @GET
  @Path("/{name}")
  @RolesAllowed(Roles.VIEWER)
  public Map<String, Object> get(@PathParam("name") String name) {
    return suites.get(name);
  }

  @POST
  @RolesAllowed(Roles.STEWARD)
  public Response save(@Auth CairnPrincipal who, JsonNode body) {
    JsonNode b = QualityResource.object(body);
    JsonNode description = b.get("description");
    Map<String, Object> saved = suites.save(b.path("name").asText(null), description == null || description.isNull()
        ? null : description.asText(), b.get("expectations"), b.path("append").asBoolean(false), who.username());
    return Response.status(201).entity(saved).build();
  }
}
