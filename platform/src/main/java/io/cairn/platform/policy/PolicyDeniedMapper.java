package io.cairn.platform.policy;

import io.cairn.governance.policy.PolicyDeniedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;

/** A policy denial answered as 403 with the message naming the policy. */
public final class PolicyDeniedMapper implements ExceptionMapper<PolicyDeniedException> {
  @Override
  public Response toResponse(PolicyDeniedException e) {
    return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("code", 403, "message", e.getMessage(), "details", List.of())).build();
  }
}
