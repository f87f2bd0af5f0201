package io.cairn.platform.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.ModelEntry;
import io.cairn.catalog.segments.ExportEntry;
import io.cairn.catalog.segments.SegmentEntry;
import io.cairn.catalog.segments.SegmentRepository;
import io.cairn.catalog.segments.SegmentSize;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.cairn.profiles.segments.RuleSegments;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/segments}: rule segments kept in the catalog (define, evaluate over traits, sizes over time),
 * stateless evaluation, cluster summaries of K-means models, and activation exports.
 */
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
public final class SegmentsResource {
  private final SegmentRepository segments;
  private final ModelService models;
  private final ActivationExports exports;

  public SegmentsResource(SegmentRepository segments, ModelService models, ActivationExports exports) {
    this.segments = segments;
    this.models = models;
    this.exports = exports;
  }

  /**
   * Segment rules (name to JEXL condition), traits by profile id, and optionally the earlier membership to
   * report enter and exit events against.
   */
  public record EvaluateRequest(Map<String, String> rules, Map<String, Map<String, Object>> profiles,
      Map<String, Set<String>> previous) {}

  /** Members by segment, their sizes, and the changes since {@code previous}. */
  public record EvaluateResponse(Map<String, Set<String>> members, Map<String, Integer> sizes,
      List<RuleSegments.Change> changes) {}

  /** A segment's rule (JEXL over traits) and the identity graph its profiles belong to. */
  public record DefineRequest(String rule, String graph) {}

  /** Traits by profile id to evaluate a kept segment over. */
  public record TraitsRequest(Map<String, Map<String, Object>> profiles) {}

  /** What the contract lists per segment. */
  public record SegmentView(String name, String rule, int size, java.time.OffsetDateTime updatedAt) {}

  /** An export to start. */
  public record ExportRequest(String format, String purpose, String url) {}

  /** A started export, as the contract has it. */
  public record ExportStarted(String id, String status, int rows, int suppressed, String manifest) {}

  /** An export in the list. */
  public record ExportView(String id, java.time.OffsetDateTime at, String format, String purpose, int rows,
      int suppressed, String status) {}

  @POST
  @Path("/evaluate")
  @RolesAllowed({Roles.ENGINEER, Roles.STEWARD, Roles.MARKETING})
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

  @GET
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER})
  public List<SegmentView> list() {
    return segments.list().stream().map(s -> new SegmentView(s.name(), s.rule(), s.size(), s.updatedAt())).toList();
  }

  /** Creates or changes a segment. */
  @PUT
  @Path("/{name}")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER})
  @Consumes(MediaType.APPLICATION_JSON)
  public SegmentView define(@Auth CairnPrincipal who, @PathParam("name") String name, DefineRequest req) {
    if (req == null || req.rule() == null || req.rule().isBlank() || !name.matches("[A-Za-z0-9_.-]{1,128}")) {
      throw ApiException.badRequest("send {\"rule\": \"monetary >= 1000\", \"graph\": \"customers\"} to a segment"
          + " named with letters, digits, '_', '.' or '-'");
    }
    new RuleSegments(Map.of(name, req.rule()));
    SegmentEntry s = segments.define(name, req.rule(), req.graph(), who.username());
    return new SegmentView(s.name(), s.rule(), s.size(), s.updatedAt());
  }

  /** Evaluates a kept segment over posted traits: its members are replaced, its size recorded. */
  @POST
  @Path("/{name}/evaluate")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER})
  @Consumes(MediaType.APPLICATION_JSON)
  public EvaluateResponse evaluateKept(@PathParam("name") String name, TraitsRequest req) {
    SegmentEntry s = known(name);
    if (req == null || req.profiles() == null) {
      throw ApiException.badRequest("send {\"profiles\": {\"P-...\": {\"monetary\": 1200}}}");
    }
    Set<String> before = segments.members(name);
    Map<String, Set<String>> members = new RuleSegments(Map.of(name, s.rule())).members(req.profiles());
    segments.replaceMembers(name, members.get(name));
    return new EvaluateResponse(members, Map.of(name, members.get(name).size()),
        RuleSegments.changes(Map.of(name, before), members));
  }

  @GET
  @Path("/{name}/sizes")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER})
  public List<Map<String, Object>> sizes(@PathParam("name") String name) {
    known(name);
    return segments.sizes(name).stream().map((SegmentSize s) -> Map.<String, Object>of("at", s.at().toString(),
        "size", s.size())).toList();
  }

  /** The clusters of a K-means model version (production, else latest): k, silhouette, size and means. */
  @GET
  @Path("/clusters/{model}")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER})
  public JsonNode clusters(@PathParam("model") String model) {
    ModelEntry entry;
    try {
      entry = models.resolve(model, null);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
    if (!"kmeans".equals(entry.kind())) {
      throw ApiException.badRequest("model '" + model + "' is a " + entry.kind() + " model, not kmeans");
    }
    return models.details(model, entry.version()).map(ModelsResource::parse)
        .orElseThrow(() -> ApiException.notFound("model '" + model + "' has no cluster summary"));
  }

  @POST
  @Path("/{name}/exports")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER})
  @Consumes(MediaType.APPLICATION_JSON)
  public Response export(@Auth CairnPrincipal who, @PathParam("name") String name, ExportRequest req) {
    known(name);
    if (req == null) {
      throw ApiException.badRequest("send {\"format\": \"csv\"|\"webhook\", \"purpose\": \"advertising\"|"
          + "\"email_marketing\", \"url\": (webhook)}");
    }
    ExportEntry e = exports.export(name, req.format(), req.purpose(), req.url(), who.username());
    return Response.status(202).entity(new ExportStarted(e.id(), e.status(), e.rows(), e.suppressed(), e.manifest()))
        .build();
  }

  @GET
  @Path("/{name}/exports")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER})
  public List<ExportView> exports(@PathParam("name") String name) {
    known(name);
    return segments.exports(name).stream().map(e -> new ExportView(e.id(), e.at(), e.format(), e.purpose(),
        e.rows(), e.suppressed(), e.status())).toList();
  }

  private SegmentEntry known(String name) {
    return segments.find(name).orElseThrow(() -> ApiException.notFound("no segment '" + name + "'"));
  }
}
