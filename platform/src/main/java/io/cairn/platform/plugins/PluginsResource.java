package io.cairn.platform.plugins;

import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * {@code /api/v1/plugins}: everyone signed in reads; admins install, upgrade, enable, disable and remove. A zip
 * is sent either as the multipart field {@code file} or as the raw body ({@code application/zip} or
 * {@code application/octet-stream}, name in {@code ?fileName=}).
 */
@Path("/api/v1/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource {
  static final String ZIP = "application/zip";

  private final PluginService plugins;

  public PluginsResource(PluginService plugins) {
    this.plugins = plugins;
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  public List<PluginView> list() {
    return plugins.list();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.VIEWER)
  public PluginView get(@PathParam("id") String id) {
    return call(() -> plugins.get(id));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response installForm(@Auth CairnPrincipal me, @FormDataParam("file") InputStream zip,
      @FormDataParam("file") FormDataContentDisposition file) {
    return created(call(() -> plugins.install(required(zip), fileName(file), me)));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
  public Response install(@Auth CairnPrincipal me, @QueryParam("fileName") String fileName, InputStream zip) {
    return created(call(() -> plugins.install(zip, fileName, me)));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public PluginView upgradeForm(@Auth CairnPrincipal me, @PathParam("id") String id,
      @FormDataParam("file") InputStream zip, @FormDataParam("file") FormDataContentDisposition file) {
    return call(() -> plugins.upgrade(id, required(zip), fileName(file), me));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
  public PluginView upgrade(@Auth CairnPrincipal me, @PathParam("id") String id,
      @QueryParam("fileName") String fileName, InputStream zip) {
    return call(() -> plugins.upgrade(id, zip, fileName, me));
  }

  @POST
  @Path("/{id}/enable")
  @RolesAllowed(Roles.ADMIN)
  public PluginView enable(@PathParam("id") String id) {
    return call(() -> plugins.enable(id));
  }

  @POST
  @Path("/{id}/disable")
  @RolesAllowed(Roles.ADMIN)
  public PluginView disable(@PathParam("id") String id) {
    return call(() -> plugins.disable(id));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  public Response uninstall(@PathParam("id") String id, @QueryParam("force") boolean force) {
    call(() -> {
      plugins.uninstall(id, force);
      return null;
    });
    return Response.noContent().build();
  }

  private static Response created(PluginView view) {
    return Response.created(URI.create("/api/v1/plugins/" + view.id())).entity(view).build();
  }

  private static InputStream required(InputStream zip) {
    if (zip == null) {
      throw ApiException.badRequest("send the plugin zip in the multipart field 'file'");
    }
    return zip;
  }

  private static String fileName(FormDataContentDisposition file) {
    return file == null ? null : file.getFileName();
  }

  /** Runs a service call, answering its {@link PluginException} with its status and message. */
  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (PluginException e) {
      throw new ApiException(e.status(), e.getMessage(), e.details());
    }
  }
}
