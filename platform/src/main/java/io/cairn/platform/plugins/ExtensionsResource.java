package io.cairn.platform.plugins;

import io.cairn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/v1/extensions}: the connectors and steps of the started plugins with their declared
 * configuration, from which the UI renders forms; {@code ?kind=source|sink|step} filters.
 */
@Path("/api/v1/extensions")
@Produces(MediaType.APPLICATION_JSON)
public final class ExtensionsResource {
  private final LoadedExtensions extensions;

  public ExtensionsResource(LoadedExtensions extensions) {
    this.extensions = extensions;
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  public List<PluginView.ExtensionView> list(@QueryParam("kind") String kind) {
    return extensions.list().stream()
        .filter(i -> kind == null || kind.isBlank() || i.kind().equals(kind))
        .map(PluginView.ExtensionView::of)
        .toList();
  }
}
