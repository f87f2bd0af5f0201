package io.cairn.platform.profiles;

import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import io.cairn.profiles.segments.RuleSegments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/segments}: evaluates rule segments over posted traits, optionally against an earlier membership. */
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
public final class SegmentsResource {
  /**
   * Segment rules (name to JEXL condition), traits by profile id, and optionally the earlier membership to
   * report enter and exit events against.
   */
  public record EvaluateRequest(Map<String, String> rules, Map<String, Map<String, Object>> profiles,
      Map<String, Set<String>> previous) {}

  /** Members by segment, their sizes, and the changes since {@code previous}. */
  public record EvaluateResponse(Map<String, Set<String>> members, Map<String, Integer> sizes,
      List<RuleSegments.Change> changes) {}

  @POST
  @Path("/evaluate")
  @RolesAllowed({Roles.ENGINEER, Roles.STEWARD})
  @Consumes(MediaType.APPLICATION_JSON)
  public EvaluateResponse evaluate(EvaluateRequest req) {
    if (req == null || req.rules() == null || req.profiles() == null) {
      throw ApiException.badRequest("send {\"rules\": {\"vip\": \"monetary >= 1000\"}, \"profiles\": {\"p1\": {...}}}");
    }
    Map<String, Set<String>> members = new RuleSegments(req.rules()).members(req.profiles());
    Map<String, Integer> sizes = new LinkedHashMap<>();
    members.forEach((k, v) -> sizes.put(k, v.size()));
    return new EvaluateResponse(members, sizes,
        RuleSegments.changes(req.previous() == null ? Map.of() : req.previous(), members));
  }
}
