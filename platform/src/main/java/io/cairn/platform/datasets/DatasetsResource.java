package io.cairn.platform.datasets;

import io.cairn.catalog.ColumnEntry;
import io.cairn.catalog.DatasetEntry;
import io.cairn.catalog.DatasetRepository;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/v1/datasets}: readable by every role. */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public final class DatasetsResource {
  private final DatasetRepository datasets;

  public DatasetsResource(DatasetRepository datasets) {
    this.datasets = datasets;
  }

  /** A dataset with its current columns. */
  public record DatasetView(DatasetEntry dataset, List<ColumnEntry> columns) {}

  @GET
  public List<DatasetEntry> search(@QueryParam("q") String q, @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw ApiException.badRequest("offset must be >= 0 and limit 1..1000");
    }
    return datasets.search(q, offset, limit);
  }

  @GET
  @Path("/{id}")
  public DatasetView get(@PathParam("id") long id) {
    DatasetEntry d = datasets.find(id).orElseThrow(() -> ApiException.notFound("no dataset " + id));
    List<ColumnEntry> columns = d.currentSchemaVersion() == null
        ? List.of()
        : datasets.columns(id, d.currentSchemaVersion());
    return new DatasetView(d, columns);
  }
}
