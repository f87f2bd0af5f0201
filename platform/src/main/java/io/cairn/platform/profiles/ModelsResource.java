package io.cairn.platform.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.ModelEntry;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.cairn.profiles.models.AbTest;
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
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/models}: the model registry (with each version's ROC curve and lift by decile), propensity,
 * lifetime-value, K-means and recommender training, registration of any ONNX model, ONNX export of linear
 * models, promote and roll back, and A/B evaluation.
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public final class ModelsResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ModelService service;

  public ModelsResource(ModelService service) {
    this.service = service;
  }

  /**
   * Training data: feature names, rows of feature values, the outcome of each row (propensity), the subject
   * of each row (optional: rows of subjects without a basis for profiling are left out), the share held out,
   * the dataset the rows came from ({@code <namespace>/<name>}), and the most clusters to try (K-means).
   */
  public record TrainRequest(List<String> features, double[][] rows, boolean[] outcomes, List<String> subjects,
      Double testShare, Long seed, String trainingDataset, Integer maxK) {}

  /** A version with its evaluation curves (propensity models). */
  public record VersionView(long id, String name, int version, String kind, String stage, List<String> features,
      Map<String, Double> metrics, String trainingDataset, String createdBy, java.time.OffsetDateTime createdAt,
      java.time.OffsetDateTime promotedAt, JsonNode roc, JsonNode lift) {}

  /** Conversions and visitors of the control and the variant; confidence defaults to 0.95. */
  public record AbRequest(Long controlConversions, Long controlVisitors, Long variantConversions,
      Long variantVisitors, Double confidence) {}

  @GET
  @RolesAllowed(Roles.VIEWER)
  public List<ModelEntry> list() {
    return service.registry().list();
  }

  @GET
  @Path("/{name}")
  @RolesAllowed(Roles.VIEWER)
  public List<VersionView> versions(@PathParam("name") String name) {
    List<ModelEntry> versions = service.registry().versions(name);
    if (versions.isEmpty()) {
      throw ApiException.notFound("no model '" + name + "'");
    }
    return versions.stream().map(this::view).toList();
  }

  private VersionView view(ModelEntry e) {
    JsonNode details = service.details(e.name(), e.version()).map(ModelsResource::parse).orElse(null);
    return new VersionView(e.id(), e.name(), e.version(), e.kind(), e.stage(), e.features(), e.metrics(),
        e.trainingDataset(), e.createdBy(), e.createdAt(), e.promotedAt(),
        details == null ? null : details.get("roc"), details == null ? null : details.get("lift"));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("stored model details are not JSON", e);
    }
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
    ModelEntry entry = service.trainPropensity(name, new ModelService.Rows(req.features(), req.rows(),
        req.subjects(), req.outcomes()), req.testShare() == null ? 0.25 : req.testShare(),
        req.seed() == null ? 42 : req.seed(), req.trainingDataset(), who.username());
    return Response.status(201).entity(entry).build();
  }

  /** Clusters the posted rows with K-means (k by silhouette, up to maxK, default 8) and registers the model. */
  @POST
  @Path("/{name}/kmeans")
  @RolesAllowed(Roles.ENGINEER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response trainClusters(@Auth CairnPrincipal who, @PathParam("name") String name, TrainRequest req) {
    if (req == null || req.features() == null || req.rows() == null) {
      throw ApiException.badRequest("send {\"features\": [...], \"rows\": [[...]], \"maxK\": 8}");
    }
    ModelEntry entry = service.trainClusters(name, new ModelService.Rows(req.features(), req.rows(), req.subjects(),
        null), req.maxK() == null ? 8 : req.maxK(), req.trainingDataset(), who.username());
    return Response.status(201).entity(entry).build();
  }

  /** Rows of features and the lifetime value of each row (optionally its subject). */
  public record ClvRequest(List<String> features, double[][] rows, double[] values, List<String> subjects,
      Double testShare, Long seed, String trainingDataset) {}

  /** Trains a customer-lifetime-value linear regression and registers it with its held-out RMSE. */
  @POST
  @Path("/{name}/clv")
  @RolesAllowed(Roles.ENGINEER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response trainLifetimeValue(@Auth CairnPrincipal who, @PathParam("name") String name, ClvRequest req) {
    if (req == null || req.features() == null || req.rows() == null || req.values() == null) {
      throw ApiException.badRequest("send {\"features\": [...], \"rows\": [[...]], \"values\": [120.5, ...]}");
    }
    ModelEntry entry = service.trainLifetimeValue(name, req.features(), req.rows(), req.values(), req.subjects(),
        req.testShare() == null ? 0.25 : req.testShare(), req.seed() == null ? 42 : req.seed(), req.trainingDataset(),
        who.username());
    return Response.status(201).entity(entry).build();
  }

  /** Items by profile id; top {@code n} (default 10) per profile; precision at {@code k} (default 5). */
  public record RecommendRequest(Map<String, List<String>> items, Integer k, Integer n, Double holdOut, Long seed,
      String trainingDataset) {}

  /**
   * Trains item-item recommendations, registers them with precision@k beside a popularity baseline on a
   * held-out split, and returns the top items per profile.
   */
  @POST
  @Path("/{name}/recommendations")
  @RolesAllowed(Roles.ENGINEER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recommend(@Auth CairnPrincipal who, @PathParam("name") String name, RecommendRequest req) {
    if (req == null || req.items() == null || req.items().isEmpty()) {
      throw ApiException.badRequest("send {\"items\": {\"P-1\": [\"sku-1\", \"sku-2\"]}, \"k\": 5, \"n\": 10}");
    }
    ModelService.Recommendations r = service.trainRecommender(name, req.items(), req.k() == null ? 5 : req.k(),
        req.n() == null ? 10 : req.n(), req.holdOut() == null ? 0.2 : req.holdOut(),
        req.seed() == null ? 42 : req.seed(), req.trainingDataset(), who.username());
    return Response.status(201).entity(Map.of("model", r.model(), "recommendations", r.top())).build();
  }

  /**
   * An ONNX model (its bytes, base64 in JSON), the name of its float or double input {@code [rows, features]}
   * (optional when it has one input), the columns that fill the input in order, the output to read (optional
   * when it has one) and the output's column that is the score (default 0).
   */
  public record OnnxRequest(byte[] model, String input, List<String> features, String output, Integer outputColumn,
      String trainingDataset) {}

  /**
   * Registers an ONNX model as the next candidate version, after ONNX Runtime has loaded it and scored a trial
   * batch as declared; a model that cannot is refused with the reason (400).
   */
  @POST
  @Path("/{name}/onnx")
  @RolesAllowed(Roles.ENGINEER)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response registerOnnx(@Auth CairnPrincipal who, @PathParam("name") String name, OnnxRequest req) {
    if (req == null || req.model() == null || req.features() == null) {
      throw ApiException.badRequest("send {\"model\": \"<ONNX bytes, base64>\", \"features\": [...],"
          + " \"input\": \"x\", \"output\": \"y\", \"outputColumn\": 0}");
    }
    ModelEntry entry = service.registerOnnx(name, req.model(), req.input(), req.features(), req.output(),
        req.outputColumn(), req.trainingDataset(), who.username());
    return Response.status(201).entity(entry).build();
  }

  /**
   * A propensity or clv version as one self-contained ONNX model: input {@code features} (raw values in the
   * version's feature order), output {@code score} ({@code [rows, 1]}).
   */
  @GET
  @Path("/{name}/versions/{version}/onnx")
  @RolesAllowed(Roles.ENGINEER)
  // JSON too, so a client asking for JSON still gets its 401/403 or error message rather than a 406
  @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
  public Response exportOnnx(@PathParam("name") String name, @PathParam("version") int version) {
    return Response.ok(service.exportOnnx(name, version), MediaType.APPLICATION_OCTET_STREAM_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + name + "-" + version + ".onnx\"").build();
  }

  @POST
  @Path("/{name}/versions/{version}/promote")
  @RolesAllowed(Roles.ENGINEER)
  public ModelEntry promote(@PathParam("name") String name, @PathParam("version") int version) {
    return service.registry().promote(name, version);
  }

  @POST
  @Path("/{name}/rollback")
  @RolesAllowed(Roles.ENGINEER)
  public ModelEntry rollback(@PathParam("name") String name) {
    return service.registry().rollback(name);
  }

  /** Compares the conversion of a variant with a control: z-test, p-value, lift and its interval. */
  @POST
  @Path("/ab-tests")
  @RolesAllowed({Roles.MARKETING, Roles.ENGINEER})
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> abTest(AbRequest req) {
    if (req == null || req.controlConversions() == null || req.controlVisitors() == null
        || req.variantConversions() == null || req.variantVisitors() == null) {
      throw ApiException.badRequest("send {\"controlConversions\": 200, \"controlVisitors\": 1000,"
          + " \"variantConversions\": 250, \"variantVisitors\": 1000, \"confidence\": 0.95}");
    }
    AbTest t = AbTest.of(req.controlConversions(), req.controlVisitors(), req.variantConversions(),
        req.variantVisitors(), req.confidence() == null ? 0.95 : req.confidence());
    return Map.of("controlRate", t.controlRate(), "variantRate", t.variantRate(), "z", t.z(), "pValue", t.pValue(),
        "lift", t.lift(), "liftLow", t.liftLow(), "liftHigh", t.liftHigh(), "confidence", t.confidence(),
        "significant", t.significant());
  }
}
