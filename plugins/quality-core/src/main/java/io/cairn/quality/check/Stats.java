package io.cairn.quality.check;

import io.cairn.quality.data.Values;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * Statistics of the numeric values of a column, nulls and non-numbers left out. Quantiles interpolate
 * linearly between order statistics (Hyndman-Fan 7, numpy's and pandas' default); the standard deviation
 * is the sample one (n - 1), as pandas computes it.
 */
public final class Stats {
  private final double[] values;
  private final DoubleStatistics stats;

  private Stats(double[] values) {
    this.values = values;
    this.stats = DoubleStatistics.of(java.util.EnumSet.of(Statistic.MIN, Statistic.MAX, Statistic.MEAN,
        Statistic.SUM, Statistic.STANDARD_DEVIATION), values);
  }

  /** The statistics of the numeric values among these. */
  public static Stats of(Collection<?> column) {
    return new Stats(column.stream().map(Values::number).filter(n -> n != null)
        .mapToDouble(BigDecimal::doubleValue).toArray());
  }

  /** How many numeric values there are. */
  public int count() {
    return values.length;
  }

  public double mean() {
    return stats.getAsDouble(Statistic.MEAN);
  }

  public double sum() {
    return stats.getAsDouble(Statistic.SUM);
  }

  public double min() {
    return stats.getAsDouble(Statistic.MIN);
  }

  public double max() {
    return stats.getAsDouble(Statistic.MAX);
  }

  /** The sample standard deviation; NaN with fewer than two values. */
  public double stdev() {
    return values.length < 2 ? Double.NaN : stats.getAsDouble(Statistic.STANDARD_DEVIATION);
  }

  public double median() {
    return Median.withDefaults().withCopy(true).evaluate(values);
  }

  /** The q-quantile, q in [0, 1]. */
  public double quantile(double q) {
    return Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(true).evaluate(values, q);
  }

  /** The values, sorted; a copy. */
  public double[] sorted() {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
