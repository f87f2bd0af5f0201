package io.cairn.platform.api;

import io.cairn.spi.config.ConfigException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;

/** Maps invalid input raised below the resources (bad ids, bad config) to 400 with the message. */
public final class BadInputMapper implements ExceptionMapper<IllegalArgumentException> {
  @Override
  public Response toResponse(IllegalArgumentException e) {
    List<String> details = e instanceof ConfigException ce ? ce.problems() : List.of();
    return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("code", 400, "message", String.valueOf(e.getMessage()), "details", details)).build();
  }
}
