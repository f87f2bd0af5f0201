package io.cairn.platform.profiles;

import io.cairn.catalog.identity.ProfileSummary;
import io.cairn.catalog.identity.StoredLink;
import io.cairn.governance.audit.AuditLog;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/profiles/graphs}: the persisted identity graphs: their profiles and why their records were
 * merged (read by marketing, engineers and stewards), a steward's split and a compliance officer's erasure
 * (both on the audit chain).
 */
@Path("/api/v1/profiles/graphs")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfileGraphsResource {
  private final IdentityGraphs graphs;
  private final AuditLog audit;

  public ProfileGraphsResource(IdentityGraphs graphs, AuditLog audit) {
    this.graphs = graphs;
    this.audit = audit;
  }

  /** One profile: its records in arrival order and why each joined. */
  public record ProfileView(String profileId, List<String> records, List<String> why) {}

  @GET
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER, Roles.STEWARD})
  public List<String> graphs() {
    return graphs.repository().graphs();
  }

  @GET
  @Path("/{graph}/profiles")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER, Roles.STEWARD})
  public List<ProfileSummary> profiles(@PathParam("graph") String graph,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 10_000) {
      throw ApiException.badRequest("limit must be between 1 and 10000");
    }
    known(graph);
    return graphs.repository().profiles(graph, limit);
  }

  @GET
  @Path("/{graph}/profiles/{profileId}")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER, Roles.STEWARD})
  public ProfileView profile(@PathParam("graph") String graph, @PathParam("profileId") String profileId) {
    known(graph);
    List<String> records = graphs.repository().members(graph, profileId);
    if (records.isEmpty()) {
      throw ApiException.notFound("no profile '" + profileId + "' in identity graph '" + graph + "'");
    }
    List<String> why = graphs.repository().links(graph, profileId).stream().map(ProfileGraphsResource::explain)
        .toList();
    return new ProfileView(profileId, records, why);
  }

  /** Takes a record out of its profile for good (a steward judged the merge wrong). */
  @POST
  @Path("/{graph}/records/{recordId}/split")
  @RolesAllowed(Roles.STEWARD)
  public Map<String, String> split(@Auth CairnPrincipal who, @PathParam("graph") String graph,
      @PathParam("recordId") String recordId) {
    String profile;
    try {
      profile = graphs.withExisting(graph, g -> g.split(recordId, who.username()));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
    audit.record(who.username(), "profiles.split", "identity-graph:" + graph, "ok",
        Map.of("record", recordId, "profile", profile));
    return Map.of("recordId", recordId, "profileId", profile);
  }

  /** Erases a profile: its records go, and its identifiers never link again. */
  @DELETE
  @Path("/{graph}/profiles/{profileId}")
  @RolesAllowed(Roles.COMPLIANCE)
  public Map<String, List<String>> erase(@Auth CairnPrincipal who, @PathParam("graph") String graph,
      @PathParam("profileId") String profileId) {
    List<String> gone;
    try {
      gone = graphs.withExisting(graph, g -> g.erase(profileId));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
    audit.record(who.username(), "profiles.erase", "identity-graph:" + graph, "ok",
        Map.of("profile", profileId, "records", gone.size()));
    return Map.of("erased", gone);
  }

  private void known(String graph) {
    if (graphs.repository().settings(graph).isEmpty()) {
      throw ApiException.notFound("no identity graph '" + graph + "'");
    }
  }

  private static String explain(StoredLink l) {
    return l.from() + " -> " + l.to() + " by " + l.rule() + " (" + l.evidence() + ")";
  }
}
