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
    List<Row> rows = batch.rows();
    String[] refusals = new String[rows.size()];
    Map<String, Double> counts = new LinkedHashMap<>();
    if (purposes.isEmpty()) {
      check(rows, refusals, ANY, v -> v == ConsentGate.Verdict.ERASED ? "dropped.erased" : null);
    } else {
      for (Purpose p : purposes.stream().sorted(java.util.Comparator.comparing(Purpose::name)).toList()) {
        Map<ConsentGate.Verdict, String> reasons = new java.util.EnumMap<>(ConsentGate.Verdict.class);
        int checked = check(rows, refusals, p, v -> v == ConsentGate.Verdict.ALLOW ? null : reasons.computeIfAbsent(v,
            x -> "dropped." + p.name() + "." + x.name().toLowerCase(java.util.Locale.ROOT)));
        counts.put("checked." + p.name(), (double) checked);
      }
    }
    List<Row> kept = new ArrayList<>(rows.size());
    for (int i = 0; i < refusals.length; i++) {
      if (refusals[i] == null) {
        kept.add(rows.get(i));
      } else {
        counts.merge(refusals[i], 1.0, Double::sum);
      }
    }
    if (!counts.isEmpty()) {
      Map<String, Long> sums = totals.computeIfAbsent(run.runId(), id -> new ConcurrentHashMap<>());
      counts.forEach((k, v) -> sums.merge(k, v.longValue(), Long::sum));
      reporter.accept(run, Map.copyOf(counts));
    }
    return kept.size() == rows.size() ? batch : batch.withRows(kept);
  }

  /**
   * Checks one purpose for the rows about a subject that no earlier purpose refused, all at once (the index
   * overlaps their memory accesses), and sets the refusal of those the verdict refuses.
   *
   * @return how many rows were checked
   */
  private int check(List<Row> rows, String[] refusals, Purpose purpose,
      java.util.function.Function<ConsentGate.Verdict, String> refusal) {
    int[] at = new int[rows.size()];
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (refusals[i] == null && rows.get(i).subjectId() != null) {
        at[n++] = i;
      }
    }
    String[] ids = new String[n];
    for (int j = 0; j < n; j++) {
      ids[j] = rows.get(at[j]).subjectId();
    }
    ConsentGate.Verdict[] verdicts = new ConsentGate.Verdict[n];
    if (gate instanceof ConsentIndex index) {
      index.checkAll(ids, purpose, verdicts);
    } else {
      for (int j = 0; j < n; j++) {
        verdicts[j] = gate.check(ids[j], purpose);
      }
    }
    for (int j = 0; j < n; j++) {
      refusals[at[j]] = refusal.apply(verdicts[j]);
    }
    return n;
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
