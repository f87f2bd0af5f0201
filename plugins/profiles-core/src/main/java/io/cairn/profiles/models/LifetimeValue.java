package io.cairn.profiles.models;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Customer lifetime value by linear regression (Tribuo's linear SGD on squared loss) on standardised
 * features, trained on a random train share and judged on the held-out rest by RMSE (in the target's units).
 *
 * @param features the feature names, in column order
 * @param scaler the standardisation fitted on the training rows
 * @param model the Tribuo model, on standardised features and target
 * @param targetMean the training target's mean
 * @param targetSd the training target's standard deviation (1 when constant)
 * @param rmse root mean squared error on the test rows
 * @param trainSize how many rows trained the model
 * @param testSize how many rows tested it
 */
public record LifetimeValue(List<String> features, Standardiser scaler, LinearSGDModel model, double targetMean,
    double targetSd, double rmse,
    int trainSize, int testSize) {
  private static final RegressionFactory FACTORY = new RegressionFactory();
  private static final String TARGET = "clv";

  /**
   * Trains and tests a model.
   *
   * @throws IllegalArgumentException when the shapes disagree or the share is out of range
   */
  public static LifetimeValue train(List<String> features, double[][] x, double[] y, double testShare, long seed) {
    if (x.length != y.length || x.length < 4) {
      throw new IllegalArgumentException("need as many values as rows (and at least four rows): " + x.length
          + " rows, " + y.length + " values");
    }
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("testShare must be between 0 and 1, not " + testShare);
    }
    int[] test = Propensity.testRows(x.length, testShare, seed);
    boolean[] isTest = new boolean[x.length];
    for (int i : test) {
      isTest[i] = true;
    }
    List<double[]> trainRows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (!isTest[i]) {
        if (x[i].length != features.size()) {
          throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values for " + features.size()
              + " features");
        }
        trainRows.add(x[i]);
      }
    }
    Standardiser scaler = Standardiser.fit(trainRows.toArray(double[][]::new));
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < x.length; i++) {
      if (!isTest[i]) {
        sum += y[i];
        sumSq += y[i] * y[i];
      }
    }
    int m = trainRows.size();
    double mean = sum / m;
    double sd = Math.sqrt(Math.max(0, sumSq / m - mean * mean));
    double targetSd = sd == 0 ? 1 : sd;
    String[] names = features.toArray(String[]::new);
    MutableDataset<Regressor> train = new MutableDataset<>(new SimpleDataSourceProvenance("clv train", FACTORY), FACTORY);
    for (int i = 0; i < x.length; i++) {
      if (!isTest[i]) {
        train.add(new ArrayExample<>(new Regressor(TARGET, (y[i] - mean) / targetSd), names, scaler.apply(x[i])));
      }
    }
    LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5, 0.1), 20, seed).train(train);
    double squared = 0;
    for (int i : test) {
      double e = mean + targetSd * predict(model, names, scaler.apply(x[i])) - y[i];
      squared += e * e;
    }
    return new LifetimeValue(List.copyOf(features), scaler, model, mean, targetSd, Math.sqrt(squared / test.length),
        x.length - test.length, test.length);
  }

  /** The predicted value for one row of raw (unscaled) features. */
  public double predict(double[] row) {
    return targetMean + targetSd * predict(model, features.toArray(String[]::new), scaler.apply(row));
  }

  private static double predict(LinearSGDModel model, String[] names, double[] scaled) {
    Example<Regressor> e = new ArrayExample<>(new Regressor(TARGET, Double.NaN), names, scaled);
    return model.predict(e).getOutput().getValues()[0];
  }
}
