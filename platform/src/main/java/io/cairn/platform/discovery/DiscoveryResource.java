package io.cairn.platform.discovery;

import io.cairn.catalog.DatasetKeyEntry;
import io.cairn.catalog.DatasetKeysRepository;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/discovery}: engineers and stewards list a source's datasets into the catalog; everyone may
 * read the keys discovery found.
 */
@Path("/api/v1/discovery")
@Produces(MediaType.APPLICATION_JSON)
public final class DiscoveryResource {
  private final DiscoveryService service;
  private final DatasetKeysRepository keys;

  public DiscoveryResource(DiscoveryService service, DatasetKeysRepository keys) {
    this.service = service;
    this.keys = keys;
  }

  /**
   * A discovery request.
   *
   * @param source the source connector's name, e.g. {@code jdbc}
   * @param config its configuration, as in a route (secrets are used and never stored or returned)
   */
  public record Request(String source, Map<String, String> config) {}

  /** What was found and recorded. */
  public record Answer(String source, int count, List<DiscoveryService.Recorded> datasets) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ENGINEER, Roles.STEWARD})
  public Answer discover(Request request) {
    if (request == null || request.source() == null || request.source().isBlank()) {
      throw ApiException.badRequest("give the source connector's name, e.g. {\"source\": \"jdbc\", "
          + "\"config\": {\"url\": \"jdbc:postgresql://host:5432/db\", \"user\": \"...\"}}");
    }
    List<DiscoveryService.Recorded> found = service.discover(request.source(), request.config());
    return new Answer(request.source(), found.size(), found);
  }

  @GET
  @Path("/datasets/{id}/keys")
  @RolesAllowed(Roles.VIEWER)
  public List<DatasetKeyEntry> keys(@PathParam("id") long datasetId) {
    return keys.keys(datasetId);
  }
}
