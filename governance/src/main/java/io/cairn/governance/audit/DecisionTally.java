package io.cairn.governance.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Audits the mask and row-filter decisions of flow runs without an append per batch: the first batch a
 * decision applies to appends the decision (so it is on the chain even if the run then dies), and the end of
 * the run appends one summary per decision with its batch and row counts. Counting a batch costs a map lookup
 * and two additions. Thread-safe.
 */
public final class DecisionTally {
  private final AuditLog audit;
  private final Map<String, Map<Decision, Counts>> runs = new ConcurrentHashMap<>();

  /**
   * One decision of one run.
   *
   * @param actor who the decision was made for (a flow's principal)
   * @param action the audit action, e.g. {@code policy.apply}
   * @param target what it applied to
   * @param outcome e.g. {@code masked}
   * @param details what was decided (masks, filter, policies), never values
   */
  public record Decision(String actor, String action, String target, String outcome, Map<String, Object> details) {
    public Decision {
      details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
  }

  private static final class Counts {
    final LongAdder batches = new LongAdder();
    final LongAdder rows = new LongAdder();
    final LongAdder dropped = new LongAdder();
  }

  public DecisionTally(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * Counts one batch a decision applied to; appends the decision the first time in the run.
   *
   * @param rows rows the batch had
   * @param dropped rows the decision removed (row filters), else 0
   */
  public void count(String runId, Decision decision, long rows, long dropped) {
    Map<Decision, Counts> run = runs.computeIfAbsent(runId, r -> new ConcurrentHashMap<>());
    Counts c = run.get(decision);
    if (c == null) {
      boolean[] first = new boolean[1];
      c = run.computeIfAbsent(decision, d -> {
        first[0] = true;
        return new Counts();
      });
      if (first[0]) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", runId);
        details.put("phase", "decision");
        details.putAll(decision.details());
        audit.record(decision.actor(), decision.action(), decision.target(), decision.outcome(), details);
      }
    }
    c.batches.increment();
    c.rows.add(rows);
    c.dropped.add(dropped);
  }

  /** Appends one summary per decision the run made, and forgets the run. */
  public void close(String runId) {
    Map<Decision, Counts> run = runs.remove(runId);
    if (run == null) {
      return;
    }
    for (var e : List.copyOf(run.entrySet())) {
      Decision d = e.getKey();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("run", runId);
      details.put("phase", "summary");
      details.putAll(d.details());
      details.put("batches", e.getValue().batches.sum());
      details.put("rows", e.getValue().rows.sum());
      long dropped = e.getValue().dropped.sum();
      if (dropped > 0) {
        details.put("rowsFiltered", dropped);
      }
      audit.record(d.actor(), d.action(), d.target(), d.outcome(), details);
    }
  }
}
