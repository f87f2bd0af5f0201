package io.cairn.platform.flows;

import io.cairn.catalog.FlowEntry;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.FlowVersionEntry;
import io.cairn.catalog.QuarantineEntry;
import io.cairn.catalog.RunEntry;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/flows}: everyone reads; engineers deploy, run and stop. A definition is sent as JSON
 * ({@code {"id","name","description","definition"}}) or as the raw YAML route.
 */
@Path("/api/v1/flows")
@Produces(MediaType.APPLICATION_JSON)
public final class FlowsResource {
  private final FlowService flows;

  public FlowsResource(FlowService flows) {
    this.flows = flows;
  }

  /** A flow as sent by a client. */
  public record FlowRequest(String id, String name, String description, String definition, String runAs) {}

  @GET
  @RolesAllowed(Roles.VIEWER)
  public List<FlowService.FlowStatus> list() {
    return flows.list();
  }

  @POST
  @RolesAllowed(Roles.ENGINEER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Auth CairnPrincipal who, FlowRequest req) {
    if (req == null || req.id() == null) {
      throw ApiException.badRequest("send {\"id\": \"my-flow\", \"definition\": \"<Camel YAML DSL route>\"}");
    }
    FlowId id = new FlowId(req.id());
    boolean existed = flows.get(id).isPresent();
    FlowEntry f = flows.deploy(id, req.name(), req.description(), req.definition(), req.runAs(), who.username());
    return Response.status(existed ? 200 : 201).entity(f).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ENGINEER)
  @Consumes(MediaType.APPLICATION_JSON)
  public FlowEntry update(@Auth CairnPrincipal who, @PathParam("id") String id, FlowRequest req) {
    if (req == null) {
      throw ApiException.badRequest("send {\"definition\": \"<Camel YAML DSL route>\"}");
    }
    return flows.deploy(new FlowId(id), req.name(), req.description(), req.definition(), req.runAs(),
        who.username());
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ENGINEER)
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
  public FlowEntry updateYaml(@Auth CairnPrincipal who, @PathParam("id") String id, String yaml) {
    return flows.deploy(new FlowId(id), null, null, yaml, null, who.username());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.VIEWER)
  public FlowService.FlowStatus get(@PathParam("id") String id) {
    return flows.get(new FlowId(id)).orElseThrow(() -> ApiException.notFound("no flow '" + id + "'"));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.ENGINEER)
  public Response delete(@PathParam("id") String id) {
    flows.delete(new FlowId(id));
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/versions")
  @RolesAllowed(Roles.VIEWER)
  public List<FlowVersionEntry> versions(@PathParam("id") String id) {
    return flows.versions(new FlowId(id));
  }

  @POST
  @Path("/{id}/run")
  @RolesAllowed(Roles.ENGINEER)
  public Response run(@PathParam("id") String id) {
    return Response.status(202).entity(flows.run(new FlowId(id))).build();
  }

  @POST
  @Path("/{id}/start")
  @RolesAllowed(Roles.ENGINEER)
  public Response start(@PathParam("id") String id) {
    return Response.status(202).entity(flows.start(new FlowId(id))).build();
  }

  @POST
  @Path("/{id}/stop")
  @RolesAllowed(Roles.ENGINEER)
  public Map<String, Object> stop(@PathParam("id") String id) {
    return Map.of("flow", id, "stopped", flows.stop(new FlowId(id)));
  }

  @POST
  @Path("/{id}/offsets/reset")
  @RolesAllowed(Roles.ENGINEER)
  public Map<String, Object> resetOffsets(@PathParam("id") String id) {
    return Map.of("flow", id, "offsetsForgotten", flows.resetOffsets(new FlowId(id)));
  }

  @GET
  @Path("/{id}/runs")
  @RolesAllowed(Roles.VIEWER)
  public List<RunEntry> runs(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit must be 1..1000");
    }
    return flows.runs(new FlowId(id), limit);
  }

  @GET
  @Path("/{id}/runs/{runId}")
  @RolesAllowed(Roles.VIEWER)
  public FlowService.RunDetail run(@PathParam("id") String id, @PathParam("runId") String runId) {
    return flows.run(new FlowId(id), runId)
        .orElseThrow(() -> ApiException.notFound("no run '" + runId + "' of flow '" + id + "'"));
  }

  @GET
  @Path("/{id}/quarantine")
  @RolesAllowed(Roles.VIEWER)
  public List<QuarantineEntry> quarantine(@PathParam("id") String id, @QueryParam("runId") String runId,
      @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw ApiException.badRequest("offset must be >= 0 and limit 1..1000");
    }
    return flows.quarantine(new FlowId(id), runId, offset, limit);
  }
}
