package io.cairn.platform.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.QualityMetricsEntry;
import io.cairn.catalog.QualityMetricsRepository;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import io.cairn.quality.data.Table;
import io.cairn.quality.gx.Expectation;
import io.cairn.quality.gx.GxSuite;
import io.cairn.quality.gx.GxValidator;
import io.cairn.quality.profile.Profiler;
import io.cairn.quality.profile.Suggestions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/quality}: try a Great Expectations suite on a sample, or profile a sample and get suggested
 * rules, for stewards and engineers. Bad input
 * (unknown expectation types, bad kwargs, ragged columns) is a 400 naming the problem.
 */
@Path("/api/v1/quality")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class QualityResource {
  private final QualityMetricsRepository history;

  public QualityResource(QualityMetricsRepository history) {
    this.history = history;
  }

  /**
   * The quality figures of a flow's last runs, oldest first, per step: completeness, validity, uniqueness
   * (shares in [0, 1]) and the counts behind them; for trend charts. Readable by every role.
   */
  @GET
  @Path("/history/{flowId}")
  @RolesAllowed(Roles.VIEWER)
  public List<QualityMetricsEntry> history(@PathParam("flowId") String flowId,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit must be 1..1000");
    }
    return history.forFlow(new FlowId(flowId), limit);
  }

  /** The quality figures of one run, per step. */
  @GET
  @Path("/runs/{runId}")
  @RolesAllowed(Roles.VIEWER)
  public List<QualityMetricsEntry> run(@PathParam("runId") String runId) {
    return history.forRun(runId);
  }
  /**
   * Validates {@code {"data": {"<column>": [values...]}, "expectations": [{"expectation_type": ...,
   * "kwargs": {...}}]}} and answers GX's suite validation result, one result per expectation.
   */
  @POST
  @Path("/validate")
  @RolesAllowed({Roles.STEWARD, Roles.ENGINEER})
  public Map<String, Object> validate(JsonNode body) {
    Table table = InlineData.table(object(body).get("data"));
    JsonNode list = body.get("expectations");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw ApiException.badRequest("'expectations' must be a non-empty list of {\"expectation_type\": ..., "
          + "\"kwargs\": {...}}");
    }
    List<Expectation> expectations = GxSuite.fromNodes(list);
    return GxValidator.suiteResult(GxValidator.validate(table, expectations));
  }

  /**
   * Profiles {@code {"data": {"<column>": [values...]}}}: per column the inferred type, missing share,
   * distinct count, range, mean, lengths, shapes and top values, and the rules and GX expectations suggested
   * from them.
   */
  @POST
  @Path("/profile")
  @RolesAllowed({Roles.STEWARD, Roles.ENGINEER})
  public Map<String, Object> profile(JsonNode body) {
    return profileOf(InlineData.table(object(body).get("data")));
  }

  /**
   * Profiles a stored table, {@code {"url": "jdbc:postgresql://...", "user", "password", "table",
   * "sample": 10000}} (no sample: the whole table, up to a million values), into the shape of
   * {@link #profile}; a steward may then save the suggestions it accepts as a suite.
   */
  @POST
  @Path("/profile/jdbc")
  @RolesAllowed({Roles.STEWARD, Roles.ENGINEER})
  public Map<String, Object> profileTable(JsonNode body) {
    JsonNode b = object(body);
    JsonNode sample = b.get("sample");
    if (sample != null && !sample.isNull() && !sample.canConvertToInt()) {
      throw ApiException.badRequest("'sample' must be a number of rows");
    }
    Map<String, Object> answer = profileOf(JdbcSample.read(b.path("url").asText(null), b.path("user").asText(null),
        b.path("password").asText(null), b.path("table").asText(null),
        sample == null || sample.isNull() ? null : sample.intValue()));
    answer.put("table", b.get("table").asText());
    answer.put("sampled", sample != null && !sample.isNull());
    return answer;
  }

  private static Map<String, Object> profileOf(Table table) {
    Profiler.Profile profile = Profiler.profile(table);
    List<Map<String, Object>> suggestions = Suggestions.suggest(profile).stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("expectation", Map.of("expectation_type", s.expectation().type(), "kwargs", s.expectation().kwargs()));
      m.put("rule", s.rule());
      m.put("reason", s.reason());
      return m;
    }).toList();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("rowCount", profile.rowCount());
    answer.put("columns", profile.columns());
    answer.put("suggestions", suggestions);
    return answer;
  }

  static JsonNode object(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
    return body;
  }
}
