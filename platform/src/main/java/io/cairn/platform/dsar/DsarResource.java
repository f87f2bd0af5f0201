package io.cairn.platform.dsar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.erasure.DsarRequestEntry;
import io.cairn.catalog.erasure.ErasureDatasetEntry;
import io.cairn.catalog.erasure.ErasureRepository;
import io.cairn.governance.erasure.DsarType;
import io.cairn.governance.erasure.Identifier;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.cairn.spi.data.DatasetRef;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/dsar}: erasure and access requests (compliance and admins). A request is answered {@code 202}
 * at once and runs on the module's executor; its status, steps and the audit entry of its proof are read back;
 * an access request's bundle is downloaded once it is done (each download is audited). Datasets' subject
 * columns and erasure policies are listed and set under {@code /api/v1/dsar/datasets}.
 */
@Path("/api/v1/dsar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COMPLIANCE)
public final class DsarResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_IDENTIFIERS = 100;
  private final DsarRequests requests;
  private final ErasureRepository erasure;

  DsarResource(DsarRequests requests, ErasureRepository erasure) {
    this.requests = requests;
    this.erasure = erasure;
  }

  /** One identifier in a request. */
  public record IdentifierBody(String type, String value) {}

  /** A new request. */
  public record RequestBody(String type, List<IdentifierBody> identifiers, String reason) {}

  /** A dataset's subject column and erasure policy. */
  public record PolicyBody(String namespace, String name, String subjectColumn, String policy, String maskSpec,
      String reason) {}

  @POST
  public Response submit(@Auth CairnPrincipal who, RequestBody body) {
    if (body == null) {
      throw ApiException.badRequest("send {\"type\": \"erasure\"|\"access\", \"identifiers\": [{\"type\": \"email\", "
          + "\"value\": \"...\"}], \"reason\": \"...\"}");
    }
    DsarType type;
    try {
      type = DsarType.parse(body.type());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (body.identifiers() == null || body.identifiers().isEmpty()) {
      throw ApiException.badRequest("a request needs at least one identifier: [{\"type\": \"email\", \"value\": "
          + "\"...\"}]");
    }
    if (body.identifiers().size() > MAX_IDENTIFIERS) {
      throw ApiException.badRequest("at most " + MAX_IDENTIFIERS + " identifiers per request");
    }
    List<Identifier> ids = new ArrayList<>();
    for (int i = 0; i < body.identifiers().size(); i++) {
      IdentifierBody b = body.identifiers().get(i);
      if (b == null || b.type() == null || b.value() == null) {
        throw ApiException.badRequest("identifiers[" + i + "] needs a type and a value");
      }
      try {
        ids.add(new Identifier(b.type(), b.value()));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("identifiers[" + i + "]: " + e.getMessage());
      }
    }
    DsarRequestEntry created = requests.submit(type, ids, body.reason(), who.username());
    return Response.status(Response.Status.ACCEPTED).entity(detail(created)).build();
  }

  @GET
  public List<Map<String, Object>> list() {
    return requests.list(500).stream().map(DsarResource::summary).toList();
  }

  @GET
  @Path("/{id}")
  public Map<String, Object> get(@PathParam("id") String id) {
    return detail(find(id));
  }

  @GET
  @Path("/{id}/bundle")
  public Response bundle(@Auth CairnPrincipal who, @PathParam("id") String id) {
    DsarRequestEntry r = find(id);
    if (!DsarType.ACCESS.code().equals(r.type())) {
      throw ApiException.conflict("request " + id + " is an erasure request: only access requests have a bundle");
    }
    String bundle = requests.bundle(id).orElseThrow(() -> ApiException.conflict("request " + id + " is "
        + r.status() + ": its bundle is ready once it is DONE"));
    requests.service().auditBundleRead(who.username(), id);
    return Response.ok(bundle, MediaType.APPLICATION_JSON_TYPE)
        .header("Content-Disposition", "attachment; filename=\"dsar-" + id + ".json\"").build();
  }

  @GET
  @Path("/datasets")
  public List<ErasureDatasetEntry> datasets() {
    return erasure.datasets();
  }

  @PUT
  @Path("/datasets")
  public ErasureDatasetEntry setPolicy(@Auth CairnPrincipal who, PolicyBody body) {
    if (body == null || body.namespace() == null || body.name() == null || body.policy() == null) {
      throw ApiException.badRequest("send {\"namespace\", \"name\", \"policy\": \"delete\"|\"anonymise\"|\"retain\", "
          + "\"subjectColumn\" (optional), \"maskSpec\" (anonymise), \"reason\" (retain)}");
    }
    try {
      return requests.service().setPolicy(new DatasetRef(body.namespace(), body.name()), body.subjectColumn(),
          body.policy(), body.maskSpec(), body.reason(), who.username());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private DsarRequestEntry find(String id) {
    return requests.find(id).orElseThrow(() -> ApiException.notFound("no request " + id));
  }

  private static Map<String, Object> summary(DsarRequestEntry r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("type", r.type());
    m.put("status", r.status());
    m.put("createdAt", r.createdAt());
    m.put("finishedAt", r.finishedAt());
    m.put("requestedBy", r.requestedBy());
    return m;
  }

  private Map<String, Object> detail(DsarRequestEntry r) {
    Map<String, Object> m = summary(r);
    m.put("reason", r.reason());
    m.put("identifiers", identifiers(r.identifiers()));
    m.put("steps", requests.steps(r.id()));
    m.put("auditEntry", r.auditSeq());
    m.put("error", r.error());
    return m;
  }

  /** The stored identifiers as type and masked value (the catalog holds no raw value). */
  private static List<Map<String, Object>> identifiers(String stored) {
    List<Map<String, Object>> out = new ArrayList<>();
    try {
      JSON.readTree(stored).forEach(n -> out.add(Map.of("type", n.path("type").asText(), "value",
          n.path("hint").asText(), "masked", true)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored identifiers are not JSON", e);
    }
    return out;
  }
}
