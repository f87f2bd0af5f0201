package io.cairn.platform.audit;

import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.audit.DecisionTally;
import io.cairn.governance.masking.MaskStepFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Audits what the mask step masked (columns and masks, never values): the first batch of each run appends the
 * decision, the end of the run one summary with batch and row counts ({@link DecisionTally}). It must be one
 * of the runtime's governance hooks so that it sees the ends of runs.
 */
public final class MaskAudit implements Consumer<MaskStepFactory.MaskReport>, GovernanceHook {
  private final DecisionTally tally;

  public MaskAudit(AuditLog audit) {
    this.tally = new DecisionTally(audit);
  }

  @Override
  public void accept(MaskStepFactory.MaskReport r) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("columns", r.columns());
    tally.count(r.runId(), new DecisionTally.Decision("flow:" + r.flowId(), "mask.step", "flow:" + r.flowId(),
        "masked", details), r.rows(), 0);
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    tally.close(run.runId());
  }
}
