package io.cairn.governance.lineage;

import io.openlineage.client.OpenLineage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quality step's metrics as the standard input dataset facets {@code dataQualityMetrics} (row count and
 * per-column null counts) and {@code dataQualityAssertions} (one assertion per rule, successful when nothing
 * failed). Keys read: {@code rows}, {@code column.<col>.nullCount}, {@code rule.<rule>.checked},
 * {@code rule.<rule>.failed}, and {@code rule.<rule>@<col>.checked|failed} for a rule on a column; other keys
 * (e.g. {@code column.<col>.checked}) are tolerated and ignored.
 */
final class QualityFacets {
  /** The facets for one metric set; either may be null when the metrics say nothing for it. */
  record Facets(OpenLineage.DataQualityMetricsInputDatasetFacet metrics,
      OpenLineage.DataQualityAssertionsDatasetFacet assertions) {}

  private QualityFacets() {}

  static Facets of(OpenLineage ol, Map<String, Double> quality) {
    if (quality.isEmpty()) {
      return new Facets(null, null);
    }
    Map<String, Long> nulls = new TreeMap<>();
    Map<String, double[]> rules = new TreeMap<>(); // rule key -> {checked, failed}
    for (Map.Entry<String, Double> e : quality.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("column.") && key.endsWith(".nullCount")) {
        String col = key.substring("column.".length(), key.length() - ".nullCount".length());
        if (!col.isEmpty()) {
          nulls.put(col, Math.round(e.getValue()));
        }
      } else if (key.startsWith("rule.") && (key.endsWith(".failed") || key.endsWith(".checked"))) {
        boolean failed = key.endsWith(".failed");
        String rule = key.substring("rule.".length(), key.lastIndexOf('.'));
        if (!rule.isEmpty()) {
          rules.computeIfAbsent(rule, k -> new double[2])[failed ? 1 : 0] += e.getValue();
        }
      }
    }
    OpenLineage.DataQualityMetricsInputDatasetFacet metrics = null;
    Double rows = quality.get("rows");
    if (rows != null || !nulls.isEmpty()) {
      OpenLineage.DataQualityMetricsInputDatasetFacetColumnMetricsBuilder columns =
          ol.newDataQualityMetricsInputDatasetFacetColumnMetricsBuilder();
      nulls.forEach((col, n) -> columns.put(col,
          ol.newDataQualityMetricsInputDatasetFacetColumnMetricsAdditionalBuilder().nullCount(n).build()));
      OpenLineage.DataQualityMetricsInputDatasetFacetBuilder b = ol.newDataQualityMetricsInputDatasetFacetBuilder()
          .columnMetrics(columns.build());
      if (rows != null) {
        b.rowCount(Math.round(rows));
      }
      metrics = b.build();
    }
    OpenLineage.DataQualityAssertionsDatasetFacet assertions = null;
    if (!rules.isEmpty()) {
      List<OpenLineage.DataQualityAssertionsDatasetFacetAssertions> list = new ArrayList<>();
      rules.forEach((key, counts) -> {
        int at = key.indexOf('@');
        String rule = at < 0 ? key : key.substring(0, at);
        OpenLineage.DataQualityAssertionsDatasetFacetAssertionsBuilder a =
            ol.newDataQualityAssertionsDatasetFacetAssertionsBuilder().assertion(rule).success(counts[1] == 0)
                .actual(Long.toString(Math.round(counts[1])));
        if (at >= 0 && at < key.length() - 1) {
          a.column(key.substring(at + 1));
        }
        list.add(a.build());
      });
      assertions = ol.newDataQualityAssertionsDatasetFacet(list);
    }
    return new Facets(metrics, assertions);
  }
}
