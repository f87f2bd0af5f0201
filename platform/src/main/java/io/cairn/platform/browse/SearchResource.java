package io.cairn.platform.browse;

import io.cairn.catalog.browse.CatalogSearch;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /api/v1/search}: datasets, columns, flows, tags and owners by text; every role. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {
  private static final int MAX_LIMIT = 200;

  private final CatalogSearch search;

  public SearchResource(CatalogSearch search) {
    this.search = search;
  }

  /** A search hit as the contract has it: kind in lower case. */
  public record Result(String kind, String id, String name, String namespace, String dataset, String snippet) {}

  @GET
  @RolesAllowed(Roles.VIEWER)
  public Map<String, List<Result>> search(@QueryParam("q") String q, @QueryParam("kind") String kind,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("q is required: the text to look for");
    }
    if (q.length() > 200) {
      throw ApiException.badRequest("q is at most 200 characters");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be 1.." + MAX_LIMIT);
    }
    CatalogSearch.Kind k = null;
    if (kind != null && !kind.isBlank()) {
      try {
        k = CatalogSearch.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("kind must be dataset, column, flow, tag or owner, not '" + kind + "'");
      }
    }
    return Map.of("results", search.search(q.strip(), k, limit).stream()
        .map(h -> new Result(h.kind().name().toLowerCase(Locale.ROOT), h.id(), h.name(), h.namespace(), h.dataset(),
            h.snippet()))
        .toList());
  }
}
