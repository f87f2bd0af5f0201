package io.cairn.platform.flows;

import io.cairn.catalog.FlowId;

/**
 * Decides whether a flow may be deployed to run as a principal (access policy plugs in here). Called before
 * the route is loaded or stored; thread-safe.
 */
@FunctionalInterface
public interface DeployGuard {
  /** Lets everything through. */
  DeployGuard NONE = (id, runAs, by) -> {};

  /**
   * @param runAs the principal the flow's runs will act as
   * @param by the user deploying it
   * @throws RuntimeException (e.g. a policy denial) when the flow may not be deployed, with a message that says why
   */
  void check(FlowId id, String runAs, String by);
}
