package io.cairn.platform.profilestore;

import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code GET /api/v1/profiles/{id}/segments}: a profile's segments from the Redis profile view, readable by
 * every role. 404 when no profile store is configured, 503 when Redis does not answer.
 */
@Path("/api/v1/profiles/{id}/segments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public final class ProfileSegmentsResource {
  private static final int MAX_ID_LENGTH = 512;

  private final ProfileStore store;

  /** @param store the profile store, or null when none is configured */
  public ProfileSegmentsResource(ProfileStore store) {
    this.store = store;
  }

  /** A profile's segments, sorted. */
  public record ProfileSegments(String profileId, List<String> segments) {}

  @GET
  public ProfileSegments segments(@PathParam("id") String id) {
    if (store == null) {
      throw ApiException.notFound("no profile store is configured: set redis.url (CAIRN_REDIS_URL)");
    }
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw ApiException.badRequest("a profile id is 1 to " + MAX_ID_LENGTH + " characters");
    }
    try {
      return new ProfileSegments(id, List.copyOf(store.segments(id)));
    } catch (JedisException e) {
      throw new ApiException(503, "the profile store at " + store.address() + " does not answer: "
          + e.getMessage());
    }
  }
}
