package io.cairn.governance.policy;

import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.masking.BatchMasker;
import io.cairn.governance.masking.MaskFunction;
import io.cairn.spi.Purpose;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Enforces policies inside every flow, per batch, for the flow's run-as principal (groups: its Cairn roles):
 * read access on each source, write access on each sink and on each of its tagged columns (so a tag policy can
 * keep {@code PII} out of a sink), then the row filter and column masks of the sink's dataset. Decisions are
 * made once per (run, dataset, schema) and cached for the run, never per row or cell. Denials fail the run
 * with a message naming the policy; each deny and each batch masked or filtered is appended to the audit chain.
 */
public final class PolicyHook implements GovernanceHook {
  private final PolicyEngine engine;
  private final PolicyMasks masks;
  private final Function<String, Set<String>> groupsOf;
  private final AuditLog audit;
  private final Map<String, Map<PlanKey, Plan>> runs = new ConcurrentHashMap<>();

  private record PlanKey(String access, DatasetRef dataset, Schema schema) {}

  /** What to do with batches of one schema for one dataset in one run. */
  private record Plan(String denial, Predicate<Row> filter, String filterText, BatchMasker masker,
      Map<String, String> maskedBy) {}

  /**
   * @param groupsOf the groups (roles) of a principal, for policies that name groups
   */
  public PolicyHook(PolicyEngine engine, PolicyMasks masks, Function<String, Set<String>> groupsOf, AuditLog audit) {
    this.engine = engine;
    this.masks = masks;
    this.groupsOf = groupsOf;
    this.audit = audit;
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
    if (plan.filter() == null && plan.masker() == null) {
      return batch;
    }
    Batch out = plan.filter() == null ? batch : batch.filter(plan.filter());
    out = plan.masker() == null ? out : plan.masker().apply(out);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run", run.runId());
    details.put("rows", batch.size());
    if (plan.filter() != null) {
      details.put("rowFilter", plan.filterText());
      details.put("rowsFiltered", batch.size() - out.size());
    }
    if (plan.masker() != null) {
      details.put("masked", plan.maskedBy());
    }
    audit.record(principal(run), "policy.apply", "flow:" + run.flowId() + " write " + target,
        plan.masker() != null ? "masked" : "filtered", details);
    return out;
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    runs.remove(run.runId());
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
      return new Plan(prefix + onDataset.reason(), null, null, null, Map.of());
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
          null, null, null, Map.of());
    }
    if (!"write".equals(access)) {
      return new Plan(null, null, null, null, Map.of());
    }
    Predicate<Row> filter = null;
    String filterText = null;
    var rf = engine.rowFilter(who, dataset);
    if (rf.isPresent()) {
      filterText = rf.get().expression() + " (policy " + rf.get().policyId() + ")";
      filter = RowFilterExpression.parse(rf.get().expression()).bind(schema);
    }
    Map<String, MaskFunction> fns = new LinkedHashMap<>();
    Map<String, String> by = new LinkedHashMap<>();
    for (Column c : schema.columns()) {
      engine.mask(who, dataset, c.name(), c.tags()).ifPresent(m -> {
        MaskFunction f = masks.of(m, c.type());
        fns.put(c.name(), f);
        by.put(c.name(), m.maskType() + " as " + f.spec() + " (policy " + m.policyId() + ")");
      });
    }
    return new Plan(null, filter, filterText, fns.isEmpty() ? null : new BatchMasker(fns), by);
  }

  private static String principal(RunScope run) {
    return run.principal() == null ? "anonymous" : run.principal();
  }
}
