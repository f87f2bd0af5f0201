package io.cairn.platform.flows;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;

/** Maps flow errors to 4xx answers that say what is wrong. */
public final class FlowErrorMappers {
  private FlowErrorMappers() {}

  /** An invalid route: 400 with every problem, each with path and line. */
  public static final class InvalidRoute implements ExceptionMapper<InvalidRouteException> {
    @Override
    public Response toResponse(InvalidRouteException e) {
      List<String> details = e.problems().stream().map(RouteProblem::toString).toList();
      return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of(
          "code", 400, "message", e.getMessage(), "details", details, "problems", e.problems())).build();
    }
  }

  /** A state conflict (already running, running while changed): 409. */
  public static final class Conflict implements ExceptionMapper<IllegalStateException> {
    @Override
    public Response toResponse(IllegalStateException e) {
      return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("code", 409, "message", String.valueOf(e.getMessage()), "details", List.of())).build();
    }
  }

  /** An unknown flow: 404. */
  public static final class NotFound implements ExceptionMapper<FlowService.NoSuchFlowException> {
    @Override
    public Response toResponse(FlowService.NoSuchFlowException e) {
      return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("code", 404, "message", e.getMessage(), "details", List.of())).build();
    }
  }
}
