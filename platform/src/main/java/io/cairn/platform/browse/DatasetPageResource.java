package io.cairn.platform.browse;

import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Beside {@code /api/v1/datasets} (Jersey merges resources of one path): a dataset's page, for every role,
 * and a column's tags, which stewards (and admins) override, audited.
 */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public final class DatasetPageResource {
  private final DatasetPageService pages;

  public DatasetPageResource(DatasetPageService pages) {
    this.pages = pages;
  }

  /** The body of a tag override: the column's whole tag set and why. */
  public record TagsRequest(List<String> tags, String reason) {}

  @GET
  @Path("/{id}/page")
  @RolesAllowed(Roles.VIEWER)
  public DatasetPage page(@PathParam("id") long id) {
    return pages.page(id);
  }

  @PUT
  @Path("/{id}/columns/{column}/tags")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.STEWARD)
  public DatasetPageService.OverrideResult overrideTags(@Auth CairnPrincipal who, @PathParam("id") long id,
      @PathParam("column") String column, TagsRequest body) {
    if (body == null) {
      throw ApiException.badRequest("the body is {\"tags\": [...], \"reason\": \"...\"}");
    }
    return pages.override(id, column, body.tags(), body.reason(), who.username());
  }
}
