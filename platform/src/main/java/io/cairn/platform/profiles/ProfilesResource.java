package io.cairn.platform.profiles;

import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import io.cairn.profiles.identity.FuzzyRule;
import io.cairn.profiles.identity.IdentifierType;
import io.cairn.profiles.identity.IdentityGraph;
import io.cairn.profiles.identity.IdentityRecord;
import io.cairn.profiles.identity.Link;
import io.cairn.profiles.identity.MatchRule;
import io.cairn.profiles.identity.Normalizer;
import io.cairn.profiles.identity.Survivorship;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/profiles}: resolves posted records into profiles with golden records and explanations. */
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfilesResource {
  /** A record as posted: identifiers by type name ({@code email}, {@code phone}, ...) and attributes. */
  public record RecordIn(String id, String source, Instant seenAt, Map<String, String> identifiers,
      Map<String, String> attributes) {}

  /** What to resolve and how; rules default to user_id, crm_id, email, phone; region to US. */
  public record ResolveRequest(List<String> rules, Boolean fuzzy, Double threshold, String region,
      List<String> sourcePriority, List<RecordIn> records) {}

  /** One resolved profile. */
  public record ProfileOut(String profileId, List<String> records, Map<String, String> golden, List<String> why) {}

  @POST
  @Path("/resolve")
  @RolesAllowed({Roles.ENGINEER, Roles.STEWARD})
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, List<ProfileOut>> resolve(ResolveRequest req) {
    if (req == null || req.records() == null) {
      throw ApiException.badRequest("send {\"records\": [{\"id\": \"r1\", \"identifiers\": {\"email\": \"...\"}}]}");
    }
    List<MatchRule> rules = MatchRule.parseAll(req.rules() == null ? List.of("user_id", "crm_id", "email", "phone")
        : req.rules());
    FuzzyRule fuzzy = Boolean.TRUE.equals(req.fuzzy())
        ? FuzzyRule.defaults().withThreshold(req.threshold() == null ? 0.9 : req.threshold()) : null;
    IdentityGraph graph = new IdentityGraph(rules, fuzzy, new Normalizer(req.region() == null ? "US" : req.region()));
    List<IdentityRecord> records = new ArrayList<>();
    for (RecordIn r : req.records()) {
      Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
      (r.identifiers() == null ? Map.<String, String>of() : r.identifiers())
          .forEach((type, value) -> ids.put(IdentifierType.parse(type), value));
      records.add(new IdentityRecord(r.id() == null ? "" : r.id(), r.source(), r.seenAt(), ids,
          r.attributes() == null ? Map.of() : r.attributes()));
    }
    graph.add(records);
    Survivorship survivorship = new Survivorship(Survivorship.Strategy.MOST_RECENT, Map.of(),
        req.sourcePriority() == null ? List.of() : req.sourcePriority());
    List<ProfileOut> out = new ArrayList<>();
    graph.profiles().forEach((id, members) -> out.add(new ProfileOut(id, members,
        survivorship.golden(graph.records(id)), graph.explain(id).stream().map(Link::explain).toList())));
    return Map.of("profiles", out);
  }
}
