package io.cairn.platform.audit;

import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.masking.TokenVault;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/tokens/detokenise}: compliance reverses tokens of one domain (e.g. to answer a data subject
 * request). Each call is appended to the audit chain with the domain and the number of tokens, never values.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COMPLIANCE)
public final class TokensResource {
  static final int MAX_TOKENS = 1000;
  private final TokenVault vault;
  private final AuditLog audit;

  public TokensResource(TokenVault vault, AuditLog audit) {
    this.vault = vault;
    this.audit = audit;
  }

  /** Tokens of a domain to reverse. */
  public record DetokeniseRequest(String domain, List<String> tokens) {}

  @POST
  @Path("/detokenise")
  public Map<String, Object> detokenise(@Auth CairnPrincipal who, DetokeniseRequest req) {
    if (req == null || req.domain() == null || req.tokens() == null || req.tokens().isEmpty()) {
      throw ApiException.badRequest("send {\"domain\": \"email\", \"tokens\": [\"tok_...\"]}");
    }
    if (req.tokens().size() > MAX_TOKENS) {
      throw ApiException.badRequest("at most " + MAX_TOKENS + " tokens per call");
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> unknown = new java.util.ArrayList<>();
    for (String t : req.tokens()) {
      vault.detokenise(req.domain(), t).ifPresentOrElse(v -> values.put(t, v), () -> unknown.add(t));
    }
    audit.record(who.username(), "tokens.reveal", "token-domain:" + req.domain(), "ok",
        Map.of("requested", req.tokens().size(), "found", values.size()));
    return Map.of("domain", req.domain(), "values", values, "unknown", unknown);
  }
}
