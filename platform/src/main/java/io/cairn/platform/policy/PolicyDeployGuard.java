package io.cairn.platform.policy;

import io.cairn.catalog.FlowId;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.policy.CairnResource;
import io.cairn.governance.policy.Decisions;
import io.cairn.governance.policy.PolicyDeniedException;
import io.cairn.governance.policy.PolicyEngine;
import io.cairn.governance.policy.Subject;
import io.cairn.platform.flows.DeployGuard;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * At deploy, the flow's run-as principal needs {@code deploy} on the flow. Read on each input and write on
 * each output are decided when the run opens them (connectors name their datasets only when started), by the
 * policy hook, before the first batch moves. Denials are audited.
 */
public final class PolicyDeployGuard implements DeployGuard {
  private final PolicyEngine engine;
  private final Function<String, Set<String>> groupsOf;
  private final AuditLog audit;

  public PolicyDeployGuard(PolicyEngine engine, Function<String, Set<String>> groupsOf, AuditLog audit) {
    this.engine = engine;
    this.groupsOf = groupsOf;
    this.audit = audit;
  }

  @Override
  public void check(FlowId id, String runAs, String by) {
    Decisions.Access a = engine.access(new Subject(runAs, groupsOf.apply(runAs)), CairnResource.flow(id.value()),
        "deploy", Set.of());
    if (!a.allowed()) {
      String why = "flow '" + id + "' may not be deployed to run as " + runAs + ": " + a.reason();
      audit.record(by, "policy.deny", "flow:" + id + " deploy", "denied", Map.of("runAs", runAs, "reason", why));
      throw new PolicyDeniedException(why);
    }
  }
}
