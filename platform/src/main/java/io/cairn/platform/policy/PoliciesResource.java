package io.cairn.platform.policy;

import io.cairn.governance.policy.PolicyEngine;
import io.cairn.governance.policy.PolicyService;
import io.cairn.governance.policy.RangerExports;
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
import java.io.IOException;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.util.JsonUtilsV2;

/**
 * {@code /api/v1/policies}: compliance (and admins) list, create, replace and delete policies in Ranger's JSON
 * model (resource policies of service {@code cairn}, tag policies of {@code cairn-tags}); {@code /servicedef}
 * shows the resources, access types and mask types they may use. Changes apply to the next decisions at once.
 */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COMPLIANCE)
public final class PoliciesResource {
  private final PolicyService policies;
  private final PolicyEngine engine;
  private final RangerExports exports;

  public PoliciesResource(PolicyService policies, PolicyEngine engine) {
    this.policies = policies;
    this.engine = engine;
    this.exports = new RangerExports(policies);
  }

  /** Every policy in Ranger Admin's export format. */
  @GET
  @Path("/export")
  public String export(@Auth CairnPrincipal who) {
    return exports.exportJson(who.username());
  }

  /** Imports a Ranger Admin export ({@code exportJson}); policies already present by name are skipped. */
  @POST
  @Path("/import")
  @Consumes(MediaType.APPLICATION_JSON)
  public RangerExports.ImportResult importRanger(@Auth CairnPrincipal who, String body) {
    try {
      return exports.importJson(body, who.username());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  @GET
  public String list() {
    return json(policies.all());
  }

  @GET
  @Path("/servicedef")
  public String serviceDefs() {
    return json(java.util.List.of(engine.serviceDef(), engine.tagServiceDef()));
  }

  @GET
  @Path("/{id}")
  public String get(@PathParam("id") long id) {
    return PolicyService.write(policies.find(id).orElseThrow(() -> ApiException.notFound("no policy " + id)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Auth CairnPrincipal who, String body) {
    RangerPolicy p = checked(() -> policies.create(body, who.username()));
    return Response.status(201).entity(PolicyService.write(p)).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public String update(@Auth CairnPrincipal who, @PathParam("id") long id, String body) {
    return PolicyService.write(checked(() -> policies.update(id, body, who.username()))
        .orElseThrow(() -> ApiException.notFound("no policy " + id)));
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") long id) {
    if (!policies.delete(id)) {
      throw ApiException.notFound("no policy " + id);
    }
    return Response.noContent().build();
  }

  private static <T> T checked(java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (PolicyService.RejectedPolicyException e) {
      throw new ApiException(400, "the policy was refused", e.problems());
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().contains("already exists") ? ApiException.conflict(e.getMessage())
          : ApiException.badRequest(e.getMessage());
    }
  }

  private static String json(java.util.List<?> list) {
    try {
      return JsonUtilsV2.listToJson(list);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write policies as JSON", e);
    }
  }
}
