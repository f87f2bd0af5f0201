package io.cairn.governance;

import java.util.Objects;

/**
 * The run a governance decision belongs to.
 *
 * @param flowId the flow
 * @param runId the run
 * @param principal the flow's run-as principal, whose access the decisions are made for
 */
public record RunScope(String flowId, String runId, String principal) {
  public RunScope {
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(runId, "runId");
  }
}
