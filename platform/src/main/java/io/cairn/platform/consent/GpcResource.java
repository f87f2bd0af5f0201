package io.cairn.platform.consent;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code /.well-known/gpc.json}: tells user agents that this site honours Global Privacy Control (a
 * {@code Sec-GPC: 1} request is recorded as an opt-out of sale/share and advertising). Public: no auth.
 */
@Path("/.well-known/gpc.json")
public final class GpcResource {
  private final Map<String, Object> body;

  public GpcResource(LocalDate lastUpdate) {
    this.body = Map.of("gpc", true, "lastUpdate", lastUpdate.toString());
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> gpc() {
    return body;
  }
}
