package io.cairn.quality.rules;

import java.util.List;

/**
 * What a rule set did to one batch.
 *
 * @param rows the rows that go on, in order, fixed
 * @param quarantined rows taken out, with the rule and offending value
 * @param warnings violations of rules whose action is warn (rows and batches)
 * @param failures violations of rules whose action is fail; the run must fail when there is any
 * @param metrics the batch's quality figures
 */
public record Outcome(List<Kept> rows, List<Violation> quarantined, List<Violation> warnings,
    List<Violation> failures, Metrics metrics) {

  /**
   * A row that goes on.
   *
   * @param origin its position in the input batch
   * @param values its values, fixes applied
   */
  public record Kept(int origin, Object[] values) {}

  /**
   * Quality figures of one batch, each a share in [0, 1].
   *
   * @param rows the rows in the input
   * @param completeness the share of non-missing values over all columns of the input
   * @param validity the share of input rows that broke no row rule
   * @param uniqueness the share of checked keys that were not duplicates; null without a unique rule
   * @param fixed values repaired
   * @param duplicatesRemoved rows dropped by dedupe
   */
  public record Metrics(int rows, double completeness, double validity, Double uniqueness, int fixed,
      int duplicatesRemoved) {}

  /** Throws when a fail-action rule was broken, naming the rules and the first offending values. */
  public void throwIfFailed() {
    if (!failures.isEmpty()) {
      StringBuilder b = new StringBuilder("data quality check failed: ");
      failures.stream().limit(5).forEach(v -> b.append(v.reason()).append("; "));
      if (failures.size() > 5) {
        b.append("and ").append(failures.size() - 5).append(" more");
      }
      throw new QualityFailure(b.toString().replaceAll("; $", ""));
    }
  }
}
