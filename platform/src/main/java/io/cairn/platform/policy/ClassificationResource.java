package io.cairn.platform.policy;

import io.cairn.catalog.policy.SuggestionEntry;
import io.cairn.catalog.policy.SuggestionRepository;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/v1/classification/suggestions}: stewards review the PII tags that scans suggest, and accept or
 * reject each; accepted tags are added to the columns of the data flows read, later scans respect rejections.
 */
@Path("/api/v1/classification/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STEWARD)
public final class ClassificationResource {
  private static final Set<String> STATUSES =
      Set.of(SuggestionEntry.SUGGESTED, SuggestionEntry.ACCEPTED, SuggestionEntry.REJECTED);
  private final SuggestionRepository suggestions;

  public ClassificationResource(SuggestionRepository suggestions) {
    this.suggestions = suggestions;
  }

  @GET
  public List<SuggestionEntry> list(@QueryParam("status") @DefaultValue("SUGGESTED") String status,
      @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
    String s = status.toUpperCase(Locale.ROOT);
    if (!s.equals("ALL") && !STATUSES.contains(s)) {
      throw ApiException.badRequest("status must be SUGGESTED, ACCEPTED, REJECTED or ALL");
    }
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw ApiException.badRequest("offset must be >= 0 and limit 1..1000");
    }
    return suggestions.list(s.equals("ALL") ? null : s, offset, limit);
  }

  @POST
  @Path("/{id}/accept")
  public SuggestionEntry accept(@Auth CairnPrincipal who, @PathParam("id") long id) {
    return decide(id, SuggestionEntry.ACCEPTED, who);
  }

  @POST
  @Path("/{id}/reject")
  public SuggestionEntry reject(@Auth CairnPrincipal who, @PathParam("id") long id) {
    return decide(id, SuggestionEntry.REJECTED, who);
  }

  private SuggestionEntry decide(long id, String status, CairnPrincipal who) {
    if (!suggestions.decide(id, status, who.username())) {
      throw ApiException.notFound("no suggestion " + id);
    }
    return suggestions.find(id).orElseThrow();
  }
}
