package io.cairn.platform.audit;

import io.cairn.governance.audit.AuditLog;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every state-changing API call (POST, PUT, PATCH, DELETE) and every refused call (403) to the audit
 * chain: who, what (the resource and method, e.g. {@code plugins.install}), on which path, and the outcome.
 * Request bodies are never recorded (they may hold passwords or connector secrets). Calls that failed
 * authentication (401) are not recorded: they have no actor.
 */
public final class AuditFilter implements ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final AuditLog audit;

  @Context
  private ResourceInfo resource;

  public AuditFilter(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    String method = request.getMethod();
    String path = request.getUriInfo().getPath();
    Principal who = request.getSecurityContext().getUserPrincipal();
    if (who == null || !path.startsWith("api/v1/") && !path.startsWith("/api/v1/")
        || !CHANGES.contains(method) && status != 403) {
      return;
    }
    String outcome = status == 403 ? "denied" : status < 400 ? "ok" : "failed";
    try {
      audit.record(who.getName(), action(method), path.replaceFirst("^/?api/v1/", ""), outcome,
          Map.of("method", method, "status", status));
    } catch (RuntimeException e) {
      LOG.error("could not append {} {} by {} to the audit chain: {}", method, path, who.getName(), e.toString());
    }
  }

  /** {@code plugins.install} for {@code PluginsResource#install}; the HTTP method when no resource matched. */
  private String action(String method) {
    if (resource == null || resource.getResourceClass() == null || resource.getResourceMethod() == null) {
      return "api." + method.toLowerCase(Locale.ROOT);
    }
    String type = resource.getResourceClass().getSimpleName().replaceFirst("Resource$", "");
    return type.toLowerCase(Locale.ROOT) + "." + resource.getResourceMethod().getName();
  }
}
