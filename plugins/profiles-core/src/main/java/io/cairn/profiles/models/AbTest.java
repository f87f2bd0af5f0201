package io.cairn.profiles.models;

/**
 * A/B evaluation of two audiences or variants by conversion: a two-proportion z-test (pooled standard error)
 * with its two-sided p-value, and the relative lift of the variant over the control with a confidence
 * interval (the Wald interval of the difference in rates, unpooled, divided by the control's rate).
 *
 * @param controlRate conversions / visitors of the control
 * @param variantRate conversions / visitors of the variant
 * @param z the z statistic of variant minus control
 * @param pValue two-sided
 * @param lift (variantRate - controlRate) / controlRate
 * @param liftLow the lower end of the lift's confidence interval
 * @param liftHigh the upper end
 * @param confidence the interval's confidence, e.g. 0.95
 */
public record AbTest(double controlRate, double variantRate, double z, double pValue, double lift, double liftLow,
    double liftHigh, double confidence) {

  /** Whether the difference is significant at {@code 1 - confidence}. */
  public boolean significant() {
    return pValue < 1 - confidence;
  }

  /**
   * Compares a variant with a control.
   *
   * @throws IllegalArgumentException when counts are negative, conversions exceed visitors, the control has no
   *     conversion (no lift), both rates are 0 or 1 (no variance), or the confidence is not in (0, 1)
   */
  public static AbTest of(long controlConversions, long controlVisitors, long variantConversions,
      long variantVisitors, double confidence) {
    check("control", controlConversions, controlVisitors);
    check("variant", variantConversions, variantVisitors);
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
    }
    double p1 = (double) controlConversions / controlVisitors;
    double p2 = (double) variantConversions / variantVisitors;
    if (controlConversions == 0) {
      throw new IllegalArgumentException("the control has no conversion: a lift over 0 is undefined");
    }
    double pooled = (double) (controlConversions + variantConversions) / (controlVisitors + variantVisitors);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlVisitors + 1.0 / variantVisitors));
    if (se == 0) {
      throw new IllegalArgumentException("both groups converted all or none of their visitors: nothing to test");
    }
    double z = (p2 - p1) / se;
    double pValue = 2 * upperTail(Math.abs(z));
    double seDiff = Math.sqrt(p1 * (1 - p1) / controlVisitors + p2 * (1 - p2) / variantVisitors);
    double q = quantile(1 - (1 - confidence) / 2);
    return new AbTest(p1, p2, z, pValue, (p2 - p1) / p1, (p2 - p1 - q * seDiff) / p1, (p2 - p1 + q * seDiff) / p1,
        confidence);
  }

  private static void check(String group, long conversions, long visitors) {
    if (visitors <= 0 || conversions < 0 || conversions > visitors) {
      throw new IllegalArgumentException("the " + group + " needs visitors > 0 and 0 <= conversions <= visitors, not "
          + conversions + " of " + visitors);
    }
  }

  /** P(Z > z) for a standard normal Z: erfc(z / sqrt 2) / 2, by the Numerical Recipes erfc (error < 1.2e-7). */
  static double upperTail(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.5 * x);
    double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    double tail = erfc / 2;
    return z >= 0 ? tail : 1 - tail;
  }

  /** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
  static double quantile(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425) {
      return -quantile(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
