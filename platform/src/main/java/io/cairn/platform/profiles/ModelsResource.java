package io.cairn.platform.profiles;

import io.cairn.catalog.ModelEntry;
import io.cairn.catalog.ModelRepository;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.cairn.profiles.models.Propensity;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

/** {@code /api/v1/models}: the model registry, propensity training, promote and roll back. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public final class ModelsResource {
  private final ModelRepository models;

  public ModelsResource(ModelRepository models) {
    this.models = models;
  }

  /** Training data: feature names, rows of feature values, the outcome of each row, the share held out. */
  public record TrainRequest(List<String> features, double[][] rows, boolean[] outcomes, Double testShare,
      Long seed, String trainingDataset) {}

  @GET
  @RolesAllowed(Roles.VIEWER)
  public List<ModelEntry> list() {
    return models.list();
  }

  @GET
  @Path("/{name}")
  @RolesAllowed(Roles.VIEWER)
  public List<ModelEntry> versions(@PathParam("name") String name) {
    List<ModelEntry> versions = models.versions(name);
    if (versions.isEmpty()) {
      throw ApiException.notFound("no model '" + name + "'");
    }
    return versions;
  }

  /** Trains a propensity model on the posted data and registers it as the next candidate version. */
  @POST
  @Path("/{name}/propensity")
  @RolesAllowed(Roles.ENGINEER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response trainPropensity(@Auth CairnPrincipal who, @PathParam("name") String name, TrainRequest req) {
    if (req == null || req.features() == null || req.rows() == null || req.outcomes() == null) {
      throw ApiException.badRequest("send {\"features\": [...], \"rows\": [[...]], \"outcomes\": [true, ...]}");
    }
    Propensity p = Propensity.train(req.features(), req.rows(), req.outcomes(),
        req.testShare() == null ? 0.25 : req.testShare(), req.seed() == null ? 42 : req.seed());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("auc", p.auc());
    metrics.put("log_loss", p.logLoss());
    metrics.put("train_rows", (double) p.trainSize());
    metrics.put("test_rows", (double) p.testSize());
    ModelEntry entry = models.register(name, "propensity", req.features(), metrics, req.trainingDataset(),
        who.username());
    return Response.status(201).entity(entry).build();
  }

  @POST
  @Path("/{name}/versions/{version}/promote")
  @RolesAllowed(Roles.ENGINEER)
  public ModelEntry promote(@PathParam("name") String name, @PathParam("version") int version) {
    return models.promote(name, version);
  }

  @POST
  @Path("/{name}/rollback")
  @RolesAllowed(Roles.ENGINEER)
  public ModelEntry rollback(@PathParam("name") String name) {
    return models.rollback(name);
  }
}
