package io.cairn.platform.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.QuarantinedRecord;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/v1/quality/quarantine}: stewards and engineers browse quarantined records with their review
 * state, fix a record's values and replay records through their flow.
 */
@Path("/api/v1/quality/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class QuarantineResource {
  private static final Set<String> STATES = Set.of(QuarantinedRecord.QUARANTINED, QuarantinedRecord.REPLAYING,
      QuarantinedRecord.REPLAYED);

  private final QuarantineReview review;

  public QuarantineResource(QuarantineReview review) {
    this.review = review;
  }

  /** A flow's records, newest first, optionally of one state ({@code quarantined}, {@code replayed}...). */
  @GET
  @RolesAllowed({Roles.STEWARD, Roles.ENGINEER})
  public List<QuarantinedRecord> list(@QueryParam("flowId") String flowId, @QueryParam("status") String status,
      @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (flowId == null || flowId.isBlank()) {
      throw ApiException.badRequest("query parameter 'flowId' is required");
    }
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw ApiException.badRequest("offset must be >= 0 and limit 1..1000");
    }
    String state = status == null ? null : status.toUpperCase(Locale.ROOT);
    if (state != null && !STATES.contains(state)) {
      throw ApiException.badRequest("status must be quarantined, replaying or replayed");
    }
    return review.list(new FlowId(flowId), state, offset, limit);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.STEWARD, Roles.ENGINEER})
  public QuarantinedRecord get(@PathParam("id") long id) {
    return review.get(id);
  }

  /** Fixes a waiting record: {@code {"values": {"<column>": value, ...}}} replaces its values. */
  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.STEWARD, Roles.ENGINEER})
  public QuarantinedRecord fix(@Auth CairnPrincipal who, @PathParam("id") long id, JsonNode body) {
    return review.fix(id, QualityResource.object(body).get("values"), who.username());
  }

  /** Replays {@code {"flowId": "...", "ids": [1, 2]}} as a run of the flow: 202 with the run id. */
  @POST
  @Path("/replay")
  @RolesAllowed({Roles.STEWARD, Roles.ENGINEER})
  public Response replay(@Auth CairnPrincipal who, JsonNode body) {
    JsonNode flow = QualityResource.object(body).get("flowId");
    JsonNode ids = body.get("ids");
    if (flow == null || !flow.isTextual() || ids == null || !ids.isArray()) {
      throw ApiException.badRequest("the body must be {\"flowId\": \"...\", \"ids\": [record ids]}");
    }
    List<Long> list = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.canConvertToLong() || !id.isIntegralNumber()) {
        throw ApiException.badRequest("'ids' must be whole numbers, not " + id);
      }
      list.add(id.longValue());
    }
    return Response.accepted(review.replay(new FlowId(flow.asText()), list, who.username())).build();
  }
}
