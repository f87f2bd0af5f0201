package io.cairn.quality.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * @param values its values, fixes applied; the input's own array when nothing was fixed, so callers copy
   *     before they change it
   */
  public record Kept(int origin, Object[] values) {}

  /**
   * Quality counts of one batch; additive across batches, so a run's figures are the shares of its sums.
   *
   * @param rows the rows in the input
   * @param validRows the input rows that broke no row rule
   * @param cells the values in the input
   * @param presentCells the non-missing values in the input
   * @param keysChecked the keys a unique rule checked
   * @param duplicates the keys a unique rule found repeated
   * @param fixed values repaired
   * @param duplicatesRemoved rows dropped by dedupe
   * @param detail per column and per rule counts, additive: {@code column.<col>.nullCount},
   *     {@code column.<col>.checked}, {@code rule.<rule>.checked} / {@code .failed}, and for rules on one
   *     column {@code rule.<rule>@<col>.checked} / {@code .failed} (for OpenLineage data quality facets)
   */
  public record Metrics(long rows, long validRows, long cells, long presentCells, long keysChecked,
      long duplicates, long fixed, long duplicatesRemoved, Map<String, Double> detail) {

    /** The detail map is wrapped, not copied (one per batch): the caller hands over a map it no longer changes. */
    public Metrics {
      detail = java.util.Collections.unmodifiableMap(detail);
    }

    /** The share of non-missing values. */
    public double completeness() {
      return share(presentCells, cells);
    }

    /** The share of rows that broke no row rule. */
    public double validity() {
      return share(validRows, rows);
    }

    /** The share of checked keys that were not repeated; null when no key was checked. */
    public Double uniqueness() {
      return keysChecked == 0 ? null : 1.0 - share(duplicates, keysChecked);
    }

    /** The counts by name, for {@link #figures(Map)} after summing, followed by the {@link #detail()}. */
    public Map<String, Double> counts() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("rows", (double) rows);
      m.put("valid_rows", (double) validRows);
      m.put("cells", (double) cells);
      m.put("present_cells", (double) presentCells);
      m.put("keys_checked", (double) keysChecked);
      m.put("duplicates", (double) duplicates);
      m.put("fixed", (double) fixed);
      m.put("duplicates_removed", (double) duplicatesRemoved);
      m.putAll(detail);
      return m;
    }

    /**
     * Summed counts with the shares they give: completeness, validity and (when keys were checked)
     * uniqueness, each in [0, 1].
     */
    public static Map<String, Double> figures(Map<String, Double> counts) {
      Map<String, Double> m = new LinkedHashMap<>(counts);
      double cells = counts.getOrDefault("cells", 0.0);
      double rows = counts.getOrDefault("rows", 0.0);
      double keys = counts.getOrDefault("keys_checked", 0.0);
      m.put("completeness", cells == 0 ? 1.0 : counts.getOrDefault("present_cells", 0.0) / cells);
      m.put("validity", rows == 0 ? 1.0 : counts.getOrDefault("valid_rows", 0.0) / rows);
      if (keys > 0) {
        m.put("uniqueness", 1.0 - counts.getOrDefault("duplicates", 0.0) / keys);
      }
      return m;
    }

    private static double share(long part, long whole) {
      return whole == 0 ? 1.0 : (double) part / whole;
    }
  }

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
