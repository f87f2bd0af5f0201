package io.cairn.platform.collector;

import io.cairn.catalog.collector.WriteKeyEntry;
import io.cairn.governance.audit.AuditLog;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/collector/writekeys}: admins create write keys (the key is in the answer to the create, and
 * nowhere else ever), list them (without the key) and revoke them. Creating and revoking are appended to the
 * audit chain with the key's id and name.
 */
@Path("/api/v1/collector/writekeys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class WriteKeysResource {
  private final WriteKeys keys;
  private final AuditLog audit;

  public WriteKeysResource(WriteKeys keys, AuditLog audit) {
    this.keys = keys;
    this.audit = audit;
  }

  /** What a create needs. */
  public record CreateRequest(String name) {}

  @POST
  public Response create(@Auth CairnPrincipal who, CreateRequest req) {
    if (req == null) {
      throw ApiException.badRequest("send {\"name\": \"web-site\"}");
    }
    WriteKeys.Created created = keys.create(req.name(), who.username());
    audit.record(who.username(), "collector.writekey.create", "writekey:" + created.entry().id(), "ok",
        Map.of("name", created.entry().name()));
    Map<String, Object> body = view(created.entry());
    body.put("key", created.key());
    return Response.status(201).entity(body).build();
  }

  @GET
  public List<Map<String, Object>> list() {
    return keys.list().stream().map(WriteKeysResource::view).toList();
  }

  @DELETE
  @Path("/{id}")
  public Response revoke(@Auth CairnPrincipal who, @PathParam("id") long id) {
    if (!keys.revoke(id)) {
      throw ApiException.notFound("no active write key with id " + id);
    }
    audit.record(who.username(), "collector.writekey.revoke", "writekey:" + id, "ok", Map.of());
    return Response.noContent().build();
  }

  private static Map<String, Object> view(WriteKeyEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("name", e.name());
    m.put("prefix", e.prefix());
    m.put("createdBy", e.createdBy());
    m.put("createdAt", e.createdAt().toString());
    m.put("revokedAt", e.revokedAt() == null ? null : e.revokedAt().toString());
    m.put("active", e.active());
    return m;
  }
}
