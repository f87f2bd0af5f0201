package io.cairn.governance.consent;

import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.spi.Purpose;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.step.ColumnDerivation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Enforces consent inside every flow, wired by the platform (a route cannot opt out). Before a step that
 * serves purposes and before a sink that serves purposes, each row about a subject ({@code subjectId} not null)
 * is kept only when the {@link ConsentGate} allows every one of those purposes; rows without a subject are not
 * about a person and pass. Before a sink that declares no purpose (internal storage) no purpose is checked, but
 * rows of erased subjects are still dropped: nothing about an erased person may be written anywhere again.
 *
 * <p>Per batch the counts ({@code checked.<purpose>}, {@code dropped.<purpose>.<reason>}, reason being the
 * lower-case verdict, and {@code dropped.erased} at purpose-less sinks) go to the reporter (the run's lineage);
 * at the run's end one audit entry sums them, when anything was checked. A row is counted as dropped for the
 * first purpose it fails.
 */
public final class ConsentHook implements GovernanceHook {
  /** The purpose asked for at sinks without purposes: only {@code ERASED} is acted on. */
  private static final Purpose ANY = new Purpose("any_purpose");

  private final ConsentGate gate;
  private final AuditLog audit;
  private final BiConsumer<RunScope, Map<String, Double>> reporter;
  private final Map<String, Map<String, Long>> totals = new ConcurrentHashMap<>();

  /**
   * @param reporter receives each batch's counts (additive), e.g. the lineage recorder's metrics under "consent"
   */
  public ConsentHook(ConsentGate gate, AuditLog audit, BiConsumer<RunScope, Map<String, Double>> reporter) {
    this.gate = gate;
    this.audit = audit;
    this.reporter = reporter;
  }

  @Override
  public Batch beforeStep(RunScope run, String stepName, Set<Purpose> purposes, List<ColumnDerivation> lineage,
      Batch batch) {
    return purposes.isEmpty() ? batch : enforce(run, purposes, batch);
  }

  @Override
  public Batch beforeWrite(RunScope run, DatasetRef target, Set<Purpose> purposes, Batch batch) {
    return enforce(run, purposes, batch);
  }

  private Batch enforce(RunScope run, Set<Purpose> purposes, Batch batch) {
    if (batch.isEmpty()) {
      return batch;
    }
    List<Purpose> ps = purposes.stream().sorted(java.util.Comparator.comparing(Purpose::name)).toList();
    long[] checked = new long[ps.size()];
    Map<String, Long> dropped = new HashMap<>();
    List<Row> kept = new ArrayList<>(batch.size());
    for (Row r : batch.rows()) {
      String subject = r.subjectId();
      if (subject == null) {
        kept.add(r);
        continue;
      }
      String refusal = ps.isEmpty() ? erased(subject) : refusal(subject, ps, checked);
      if (refusal == null) {
        kept.add(r);
      } else {
        dropped.merge(refusal, 1L, Long::sum);
      }
    }
    Map<String, Double> counts = new LinkedHashMap<>();
    for (int i = 0; i < ps.size(); i++) {
      counts.put("checked." + ps.get(i).name(), (double) checked[i]);
    }
    dropped.forEach((k, v) -> counts.put(k, v.doubleValue()));
    if (!counts.isEmpty()) {
      Map<String, Long> sums = totals.computeIfAbsent(run.runId(), id -> new ConcurrentHashMap<>());
      counts.forEach((k, v) -> sums.merge(k, v.longValue(), Long::sum));
      reporter.accept(run, Map.copyOf(counts));
    }
    return kept.size() == batch.size() ? batch : batch.withRows(kept);
  }

  private String refusal(String subject, List<Purpose> purposes, long[] checked) {
    for (int i = 0; i < purposes.size(); i++) {
      checked[i]++;
      ConsentGate.Verdict v = gate.check(subject, purposes.get(i));
      if (v != ConsentGate.Verdict.ALLOW) {
        return "dropped." + purposes.get(i).name() + "." + v.name().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }

  private String erased(String subject) {
    return gate.check(subject, ANY) == ConsentGate.Verdict.ERASED ? "dropped.erased" : null;
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    Map<String, Long> sums = totals.remove(run.runId());
    if (sums == null) {
      return;
    }
    long rowsDropped = sums.entrySet().stream().filter(e -> e.getKey().startsWith("dropped."))
        .mapToLong(Map.Entry::getValue).sum();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run", run.runId());
    details.put("state", state);
    details.put("rowsDropped", rowsDropped);
    details.put("counts", new TreeMap<>(sums));
    audit.record(run.principal() == null ? "anonymous" : run.principal(), "consent.enforce",
        "flow:" + run.flowId(), rowsDropped > 0 ? "dropped" : "allowed", details);
  }
}
