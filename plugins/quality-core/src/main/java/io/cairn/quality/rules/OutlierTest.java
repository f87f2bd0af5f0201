package io.cairn.quality.rules;

import io.cairn.quality.check.Stats;
import io.cairn.quality.check.ValueChecks;
import io.cairn.quality.data.Values;
import java.util.Locale;

/**
 * Outliers among a numeric column's values in the batch: by z-score (|x - mean| / stdev > threshold,
 * default 3) or by Tukey's fences (outside [Q1 - k IQR, Q3 + k IQR], default k 1.5). The default fix caps
 * a value at the nearest bound.
 */
final class OutlierTest extends ColumnTest {
  enum Method { ZSCORE, IQR }

  private final Method method;
  private final double threshold;
  private double low = Double.NEGATIVE_INFINITY;
  private double high = Double.POSITIVE_INFINITY;

  OutlierTest(String rule, String column, Method method, Double threshold) {
    super(rule, column, null, null);
    this.method = method;
    this.threshold = threshold != null ? threshold : method == Method.ZSCORE ? 3.0 : 1.5;
  }

  @Override
  public void prepare(Pass pass) {
    super.prepare(pass);
    Stats s = pass.stats(column);
    if (s.count() < 2) {
      low = Double.NEGATIVE_INFINITY;
      high = Double.POSITIVE_INFINITY;
    } else if (method == Method.ZSCORE) {
      low = s.mean() - threshold * s.stdev();
      high = s.mean() + threshold * s.stdev();
    } else {
      double q1 = s.quantile(0.25);
      double q3 = s.quantile(0.75);
      low = q1 - threshold * (q3 - q1);
      high = q3 + threshold * (q3 - q1);
    }
  }

  @Override
  public boolean passes(Pass.Rec row) {
    Object v = row.values()[column];
    return v == null || Values.number(v) == null
        || ValueChecks.withinBounds(v, low, high, false, false);
  }

  @Override
  public String failure(Pass.Rec row) {
    return String.format(Locale.ROOT, "value '%s' is an outlier (%s, outside [%.4f, %.4f])",
        Values.text(row.values()[column]), method.name().toLowerCase(Locale.ROOT), low, high);
  }

  @Override
  public ValueFix defaultFix() {
    return new ValueFix() {
      @Override
      public Object apply(Object value, Pass pass, int col) {
        double d = Values.number(value).doubleValue();
        boolean integral = value instanceof Long || value instanceof Integer;
        double capped = d > high ? (integral ? Math.floor(high) : high) : (integral ? Math.ceil(low) : low);
        return Fixes.like(capped, value);
      }

      @Override
      public String description() {
        return "cap outliers at the " + method.name().toLowerCase(Locale.ROOT) + " bounds";
      }
    };
  }
}
