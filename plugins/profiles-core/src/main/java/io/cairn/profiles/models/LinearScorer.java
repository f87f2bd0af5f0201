package io.cairn.profiles.models;

import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A linear Tribuo model (logistic or linear regression from linear SGD) and the standardisation of its
 * features compiled into primitive arrays, scoring batches in a tight loop with no Example, feature map or
 * Prediction per row. It computes what Tribuo's {@code predict} does in the same order (standardise, the dot
 * product over features in Tribuo's id order, the bias, then the softmax of a logistic model), so its scores
 * equal Tribuo's. Immutable and thread-safe.
 */
public final class LinearScorer implements BatchScorer {
  private final List<String> features;
  private final double[] means;
  private final double[] deviations;
  /** The raw column of Tribuo's feature id {@code j}. */
  private final int[] column;
  /** {@code outputs x ids} weights, row-major, and one bias per output. */
  private final double[] weights;
  private final double[] bias;
  private final int outputs;
  /** The output whose softmax probability is the score, or -1 for a regression's value. */
  private final int positive;
  private final double targetMean;
  private final double targetSd;

  private LinearScorer(List<String> features, Standardiser scaler, AbstractLinearSGDModel<?> model, int positive,
      double targetMean, double targetSd) {
    this.features = List.copyOf(features);
    this.means = scaler.means().clone();
    this.deviations = scaler.deviations().clone();
    ImmutableFeatureMap ids = model.getFeatureIDMap();
    this.column = new int[ids.size()];
    for (int j = 0; j < column.length; j++) {
      column[j] = features.indexOf(ids.get(j).getName());
      if (column[j] < 0) {
        throw new IllegalArgumentException("the model has a feature '" + ids.get(j).getName() + "' not in "
            + features);
      }
    }
    DenseMatrix w = model.getWeightsCopy();
    this.outputs = w.getDimension1Size();
    this.weights = new double[outputs * column.length];
    this.bias = new double[outputs];
    for (int o = 0; o < outputs; o++) {
      for (int j = 0; j < column.length; j++) {
        weights[o * column.length + j] = w.get(o, j);
      }
      bias[o] = w.get(o, column.length);
    }
    this.positive = positive;
    this.targetMean = targetMean;
    this.targetSd = targetSd;
  }

  /** A propensity model: the score is the softmax probability of {@link Propensity#POSITIVE}. */
  public static LinearScorer of(Propensity p) {
    return probability(p.features(), p.scaler(), p.model());
  }

  /** A lifetime-value model: the score is the value in the target's units. */
  public static LinearScorer of(LifetimeValue v) {
    return value(v.features(), v.scaler(), v.model(), v.targetMean(), v.targetSd());
  }

  static LinearScorer probability(List<String> features, Standardiser scaler,
      org.tribuo.classification.sgd.linear.LinearSGDModel model) {
    int positive = model.getOutputIDInfo().getID(Propensity.POSITIVE);
    if (positive < 0) {
      throw new IllegalArgumentException("the model never saw the outcome label " + Propensity.POSITIVE);
    }
    return new LinearScorer(features, scaler, model, positive, 0, 1);
  }

  static LinearScorer value(List<String> features, Standardiser scaler,
      org.tribuo.regression.sgd.linear.LinearSGDModel model, double targetMean, double targetSd) {
    return new LinearScorer(features, scaler, model, -1, targetMean, targetSd);
  }

  @Override
  public List<String> features() {
    return features;
  }

  @Override
  public void score(double[] x, int rows, double[] out) {
    BatchScorer.checkShape(this, x, rows, out);
    int width = means.length;
    int ids = column.length;
    double[] scaled = new double[width];
    double[] z = new double[outputs];
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      for (int f = 0; f < width; f++) {
        scaled[f] = (x[base + f] - means[f]) / deviations[f];
      }
      for (int o = 0; o < outputs; o++) {
        double sum = 0;
        int w = o * ids;
        for (int j = 0; j < ids; j++) {
          sum += weights[w + j] * scaled[column[j]];
        }
        z[o] = sum + bias[o];
      }
      out[r] = positive < 0 ? targetMean + targetSd * z[0] : softmax(z, positive);
    }
  }

  /** Tribuo's {@code ExpNormalizer}: exp(z - max) over its sum, for one output. */
  private static double softmax(double[] z, int k) {
    double max = -Double.MAX_VALUE;
    for (double v : z) {
      if (v > max) {
        max = v;
      }
    }
    double sum = 0;
    double mine = 0;
    for (int o = 0; o < z.length; o++) {
      double e = Math.exp(z[o] - max);
      sum += e;
      if (o == k) {
        mine = e;
      }
    }
    return mine / sum;
  }
}
