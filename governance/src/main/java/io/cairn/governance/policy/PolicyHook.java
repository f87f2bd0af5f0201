package io.cairn.governance.policy;

import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.audit.DecisionTally;
import io.cairn.spi.Purpose;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Enforces policies inside every flow, per batch, for the flow's run-as principal (groups: its Cairn roles):
 * read access on each source, write access on each sink and on each of its tagged columns (so a tag policy can
 * keep {@code PII} out of a sink), then the row filter and column masks of the sink's dataset. Decisions are
 * made once per (run, dataset, schema) and cached for the run, never per row or cell. Denials fail the run
 * with a message naming the policy; each deny is appended to the audit chain, and each mask or filter decision
 * once when it first applies and once with its totals at the end of the run ({@link DecisionTally}).
 */
public final class PolicyHook implements GovernanceHook {
  private final PolicyEngine engine;
  private final ReadPlanner planner;
  private final Function<String, Set<String>> groupsOf;
  private final AuditLog audit;
  private final DecisionTally tally;
  private final Map<String, Map<PlanKey, Plan>> runs = new ConcurrentHashMap<>();

  private record PlanKey(String access, DatasetRef dataset, Schema schema) {}

  /** What to do with batches of one schema for one dataset in one run. */
  private record Plan(String denial, ReadPlanner.ReadPlan read, DecisionTally.Decision decision) {}

  /**
   * @param groupsOf the groups (roles) of a principal, for policies that name groups
   */
  public PolicyHook(PolicyEngine engine, PolicyMasks masks, Function<String, Set<String>> groupsOf, AuditLog audit) {
    this.engine = engine;
    this.planner = new ReadPlanner(engine, masks);
    this.groupsOf = groupsOf;
    this.audit = audit;
    this.tally = new DecisionTally(audit);
  }

  @Override
  public Batch afterRead(RunScope run, DatasetRef source, Batch batch) {
    Plan plan = plan(run, "read", source, batch.schema());
    deny(run, source, plan);
    return batch;
  }

  @Override
  public Batch beforeWrite(RunScope run, DatasetRef target, Set<Purpose> purposes, Batch batch) {
    Plan plan = plan(run, "write", target, batch.schema());
    deny(run, target, plan);
    if (plan.read() == null || plan.read().passesEverything()) {
      return batch;
    }
    Batch out = plan.read().apply(batch);
    tally.count(run.runId(), plan.decision(), batch.size(), batch.size() - out.size());
    return out;
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    runs.remove(run.runId());
    tally.close(run.runId());
  }

  private void deny(RunScope run, DatasetRef dataset, Plan plan) {
    if (plan.denial() != null) {
      audit.record(principal(run), "policy.deny", "flow:" + run.flowId() + " " + dataset, "denied",
          Map.of("run", run.runId(), "reason", plan.denial()));
      throw new PolicyDeniedException(plan.denial());
    }
  }

  private Plan plan(RunScope run, String access, DatasetRef dataset, Schema schema) {
    return runs.computeIfAbsent(run.runId(), r -> new ConcurrentHashMap<>())
        .computeIfAbsent(new PlanKey(access, dataset, schema), k -> decide(run, access, dataset, schema));
  }

  private Plan decide(RunScope run, String access, DatasetRef dataset, Schema schema) {
    String user = principal(run);
    Subject who = new Subject(user, groupsOf.apply(user));
    String prefix = "flow '" + run.flowId() + "' (run as " + user + ") may not " + access + " " + dataset + ": ";
    Decisions.Access onDataset = engine.access(who, CairnResource.dataset(dataset), access, Set.of());
    if (!onDataset.allowed()) {
      return new Plan(prefix + onDataset.reason(), null, null);
    }
    List<String> refused = new ArrayList<>();
    long refusingPolicy = -1;
    for (Column c : schema.columns()) {
      if (!c.tags().isEmpty()) {
        Decisions.Access a = engine.access(who, CairnResource.column(dataset, c.name()), access, c.tags());
        if (!a.allowed()) {
          refused.add(c.name() + " " + new java.util.TreeSet<>(c.tags()));
          refusingPolicy = a.policyId();
        }
      }
    }
    if (!refused.isEmpty()) {
      return new Plan(prefix + "columns " + String.join(", ", refused) + " are denied by policy " + refusingPolicy,
          null, null);
    }
    if (!"write".equals(access)) {
      return new Plan(null, null, null);
    }
    ReadPlanner.ReadPlan read = planner.plan(who, dataset, schema);
    Map<String, Object> details = new LinkedHashMap<>();
    if (read.filter() != null) {
      details.put("rowFilter", read.filterText() + " (policy " + read.filterPolicy() + ")");
    }
    if (read.masker() != null) {
      details.put("masked", read.maskedBy());
    }
    return new Plan(null, read, new DecisionTally.Decision(user, "policy.apply",
        "flow:" + run.flowId() + " write " + dataset, read.masker() != null ? "masked" : "filtered", details));
  }

  private static String principal(RunScope run) {
    return run.principal() == null ? "anonymous" : run.principal();
  }
}
