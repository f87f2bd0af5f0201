package io.cairn.governance.policy;

import io.cairn.governance.masking.BatchMasker;
import io.cairn.governance.masking.MaskFunction;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides, once per subject, dataset and schema, what of a dataset a subject gets to see: the row filter and
 * the mask of each column that Ranger's data-mask and row-filter policies give that subject (tag masks follow
 * the columns' tags). Used for a flow's sink audience and for a caller's previews and exports. Thread-safe.
 */
public final class ReadPlanner {
  private final PolicyEngine engine;
  private final PolicyMasks masks;

  public ReadPlanner(PolicyEngine engine, PolicyMasks masks) {
    this.engine = engine;
    this.masks = masks;
  }

  /**
   * What the subject sees of batches of this schema.
   *
   * @param who the subject, with its groups
   */
  public ReadPlan plan(Subject who, DatasetRef dataset, Schema schema) {
    Predicate<Row> filter = null;
    String filterText = null;
    Optional<Decisions.RowFilter> rf = engine.rowFilter(who, dataset);
    if (rf.isPresent()) {
      filterText = rf.get().expression();
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
    return new ReadPlan(filter, filterText, rf.map(Decisions.RowFilter::policyId).orElse(-1L),
        fns.isEmpty() ? null : new BatchMasker(fns), by);
  }

  /**
   * The row filter and masks of one subject for one dataset and schema.
   *
   * @param filter the rows kept, or null when no row filter applies
   * @param filterText the row filter as the policy states it, or null
   * @param filterPolicy the policy of the row filter, or -1
   * @param masker the masks, or null when no column is masked
   * @param maskedBy for each masked column: the mask type, the Cairn mask and the policy, for people and audit
   */
  public record ReadPlan(Predicate<Row> filter, String filterText, long filterPolicy, BatchMasker masker,
      Map<String, String> maskedBy) {
    public ReadPlan {
      maskedBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(maskedBy));
    }

    /** Whether rows pass unchanged. */
    public boolean passesEverything() {
      return filter == null && masker == null;
    }

    /** The batch filtered and masked. */
    public Batch apply(Batch batch) {
      Batch out = filter == null ? batch : batch.filter(filter);
      return masker == null ? out : masker.apply(out);
    }
  }
}
