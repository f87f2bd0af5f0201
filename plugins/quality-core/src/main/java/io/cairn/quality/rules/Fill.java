package io.cairn.quality.rules;

import io.cairn.quality.check.Stats;
import io.cairn.quality.data.Values;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills missing values (null or blank text): with the column's mean, median or mode over the batch, a
 * constant, or the previous value seen in the column (carried across batches). A numeric fill takes the
 * Java type of the column's values (a mean fills a Long column with a rounded Long).
 */
final class Fill implements ValueFix {
  enum Strategy { MEAN, MEDIAN, MODE, CONSTANT, PREVIOUS }

  private final Strategy strategy;
  private final Object constant;
  private Object previous;

  private Fill(Strategy strategy, Object constant) {
    this.strategy = strategy;
    this.constant = constant;
  }

  static Fill create(Spec spec) {
    Strategy s = spec.choice("strategy", Strategy.class, Strategy.CONSTANT);
    Object value = spec.raw("value");
    if (s == Strategy.CONSTANT && value == null) {
      spec.problem("fill with strategy constant needs 'value'");
    }
    return new Fill(s, value);
  }

  /**
   * Null, or text that is empty or only white space. Text that starts with a non-white character is not
   * blank, which answers most values without scanning them (this runs on every value of every batch).
   */
  static boolean missing(Object v) {
    return v == null || v instanceof String s && (s.isEmpty() || Character.isWhitespace(s.charAt(0)) && s.isBlank());
  }

  @Override
  public void observe(Object value) {
    if (!missing(value)) {
      previous = value;
    }
  }

  @Override
  public Object apply(Object value, Pass pass, int column) {
    if (!missing(value)) {
      previous = value;
      return value;
    }
    return switch (strategy) {
      case CONSTANT -> constant;
      case PREVIOUS -> previous;
      case MODE -> pass.memo(this, () -> mode(pass, column));
      case MEAN, MEDIAN -> pass.memo(this, () -> {
        Stats s = pass.stats(column);
        Object sample = pass.rows.stream().map(r -> r.values()[column]).filter(v -> !missing(v)).findFirst()
            .orElse(null);
        return s.count() == 0 ? null : Fixes.like(strategy == Strategy.MEAN ? s.mean() : s.median(), sample);
      });
    };
  }

  private static Object mode(Pass pass, int column) {
    Map<Object, Integer> counts = new HashMap<>();
    Object best = null;
    int bestCount = 0;
    for (Pass.Rec r : pass.rows) {
      Object v = r.values()[column];
      if (!missing(v)) {
        int c = counts.merge(v, 1, Integer::sum);
        if (c > bestCount) {
          best = v;
          bestCount = c;
        }
      }
    }
    return best;
  }

  @Override
  public String description() {
    return "fill missing with " + strategy.name().toLowerCase(Locale.ROOT)
        + (strategy == Strategy.CONSTANT ? " '" + Values.text(constant) + "'" : "");
  }
}
