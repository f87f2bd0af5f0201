package io.cairn.governance.policy;

/** The answers of the {@link PolicyEngine}. */
public final class Decisions {
  private Decisions() {}

  /**
   * An access decision.
   *
   * @param allowed whether access is allowed (false when no policy decides: deny by default)
   * @param policyId the deciding policy, or -1 when none did
   * @param reason for messages
   */
  public record Access(boolean allowed, long policyId, String reason) {}

  /**
   * A mask to apply to a column.
   *
   * @param maskType the Ranger mask type without any {@code cairn:} prefix, e.g. {@code MASK_SHOW_LAST_4}
   * @param valueExpr for {@code CUSTOM}: a Cairn mask spec such as {@code sha256:email}
   * @param policyId the deciding policy
   */
  public record Mask(String maskType, String valueExpr, long policyId) {}

  /**
   * A row filter for a dataset.
   *
   * @param expression the filter, e.g. {@code country = 'FR' and consent = true}
   * @param policyId the deciding policy
   */
  public record RowFilter(String expression, long policyId) {}
}
