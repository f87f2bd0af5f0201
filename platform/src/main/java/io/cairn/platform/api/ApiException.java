package io.cairn.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** An error answered with a status and a message that says what went wrong and how to fix it. */
public final class ApiException extends WebApplicationException {
  private static final long serialVersionUID = 1L;

  public ApiException(int status, String message) {
    this(status, message, List.of());
  }

  public ApiException(int status, String message, List<String> details) {
    super(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("code", status, "message", message, "details", details)).build());
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message);
  }
}
