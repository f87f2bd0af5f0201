package io.cairn.governance.policy;

/** A flow was refused access by a policy; the message names the flow, principal, resource and policy. */
public final class PolicyDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyDeniedException(String message) {
    super(message);
  }
}
