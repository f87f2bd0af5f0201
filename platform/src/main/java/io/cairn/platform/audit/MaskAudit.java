package io.cairn.platform.audit;

import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.masking.MaskStepFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Appends what each batch of a mask step masked (columns, masks and row count, never values). */
public final class MaskAudit implements Consumer<MaskStepFactory.MaskReport> {
  private final AuditLog audit;

  public MaskAudit(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void accept(MaskStepFactory.MaskReport r) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run", r.runId());
    details.put("rows", r.rows());
    details.put("columns", r.columns());
    audit.record("flow:" + r.flowId(), "mask.step", "flow:" + r.flowId(), "masked", details);
  }
}
