package io.cairn.profiles.models;

/**
 * Standardises features to mean 0 and standard deviation 1 with the figures of a training set, so the same
 * scaling applies to every later row, in Cairn and in an exported model alike. Immutable.
 */
public record Standardiser(double[] means, double[] deviations) {
  /** The means and standard deviations of the columns of {@code x}; constant columns keep deviation 1. */
  public static Standardiser fit(double[][] x) {
    int width = x[0].length;
    double[] mean = new double[width];
    double[] sd = new double[width];
    for (double[] row : x) {
      for (int f = 0; f < width; f++) {
        mean[f] += row[f] / x.length;
      }
    }
    for (double[] row : x) {
      for (int f = 0; f < width; f++) {
        sd[f] += (row[f] - mean[f]) * (row[f] - mean[f]) / x.length;
      }
    }
    for (int f = 0; f < width; f++) {
      sd[f] = sd[f] == 0 ? 1 : Math.sqrt(sd[f]);
    }
    return new Standardiser(mean, sd);
  }

  /** The row standardised. */
  public double[] apply(double[] row) {
    double[] out = new double[row.length];
    for (int f = 0; f < row.length; f++) {
      out[f] = (row[f] - means[f]) / deviations[f];
    }
    return out;
  }
}
