package io.cairn.profiles.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A propensity model (will this profile buy, churn, ...): logistic regression trained with Tribuo's linear
 * SGD on standardised features, on a random train share of the rows, judged on the held-out rest by AUC
 * (Tribuo's {@code LabelEvaluationUtil.binaryAUCROC}) and log-loss.
 *
 * @param features the feature names, in column order
 * @param scaler the standardisation fitted on the training rows
 * @param model the Tribuo model, on standardised features
 * @param auc the area under the ROC curve on the test rows
 * @param logLoss the mean negative log-likelihood on the test rows
 * @param trainSize how many rows trained the model
 * @param testSize how many rows tested it
 */
public record Propensity(List<String> features, Standardiser scaler, LinearSGDModel model, double auc,
    double logLoss, int trainSize, int testSize) {
  /** The label of the rows where the outcome happened. */
  public static final Label POSITIVE = new Label("1");
  static final Label NEGATIVE = new Label("0");
  private static final LabelFactory LABELS = new LabelFactory();
  private static final double EPSILON = 1e-15;

  /**
   * Trains and tests a model.
   *
   * @param testShare the share of rows held out for testing, in (0, 1)
   * @throws IllegalArgumentException when the shapes disagree, the share is out of range, or a split lacks
   *     one of the outcomes
   */
  public static Propensity train(List<String> features, double[][] x, boolean[] y, double testShare, long seed) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("need as many outcomes as rows (and some rows): " + x.length + " rows, "
          + y.length + " outcomes");
    }
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("testShare must be between 0 and 1, not " + testShare);
    }
    int[] order = shuffled(x.length, seed);
    int testSize = (int) Math.round(x.length * testShare);
    int trainSize = x.length - testSize;
    // each split in row order: reading the rows in sequence is much faster than in shuffled order, and the
    // trainer shuffles the examples every epoch itself
    int[] trainRows = java.util.Arrays.copyOf(order, trainSize);
    int[] testRows = java.util.Arrays.copyOfRange(order, trainSize, x.length);
    java.util.Arrays.sort(trainRows);
    java.util.Arrays.sort(testRows);
    double[][] trainX = new double[trainSize][];
    for (int i = 0; i < trainSize; i++) {
      trainX[i] = x[trainRows[i]];
    }
    Standardiser scaler = Standardiser.fit(trainX);
    String[] names = features.toArray(String[]::new);
    MutableDataset<Label> train = dataset("train", names, x, y, trainRows, scaler);
    boolean[] truth = new boolean[testSize];
    for (int i = 0; i < testSize; i++) {
      width(x, testRows[i], names.length);
      truth[i] = y[testRows[i]];
    }
    both("test", truth);
    LinearSGDModel model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, seed).train(train);
    // the held-out rows are only predicted: no dataset, and Tribuo's binary AUC alone rather than every metric
    double[] predicted = new double[testSize];
    double loss = 0;
    for (int i = 0; i < testSize; i++) {
      predicted[i] = positive(model.predict(example(names, scaler.apply(x[testRows[i]]), NEGATIVE)));
      double p = Math.min(1 - EPSILON, Math.max(EPSILON, predicted[i]));
      loss -= truth[i] ? Math.log(p) : Math.log(1 - p);
    }
    return new Propensity(List.copyOf(features), scaler, model, LabelEvaluationUtil.binaryAUCROC(truth, predicted),
        loss / testSize, trainSize, testSize);
  }

  /** The indices of the rows {@link #train} holds out for testing with this share and seed. */
  public static int[] testRows(int rows, double testShare, long seed) {
    int[] order = shuffled(rows, seed);
    int testSize = (int) Math.round(rows * testShare);
    return java.util.Arrays.copyOfRange(order, rows - testSize, rows);
  }

  /** The probability of the outcome for one row of raw (unscaled) features. */
  public double score(double[] row) {
    return positive(model.predict(example(features.toArray(String[]::new), scaler.apply(row), NEGATIVE)));
  }

  private static double positive(Prediction<Label> p) {
    Label l = p.getOutputScores().get(POSITIVE.getLabel());
    return l == null ? 0 : l.getScore();
  }

  private static MutableDataset<Label> dataset(String name, String[] names, double[][] x, boolean[] y, int[] rows,
      Standardiser scaler) {
    List<Example<Label>> examples = new ArrayList<>(rows.length);
    boolean[] outcomes = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int row = rows[i];
      width(x, row, names.length);
      examples.add(example(names, scaler.apply(x[row]), y[row] ? POSITIVE : NEGATIVE));
      outcomes[i] = y[row];
    }
    both(name, outcomes);
    return new MutableDataset<>(examples, new SimpleDataSourceProvenance("propensity " + name, LABELS), LABELS);
  }

  private static void width(double[][] x, int row, int width) {
    if (x[row].length != width) {
      throw new IllegalArgumentException("row " + row + " has " + x[row].length + " values for " + width
          + " features");
    }
  }

  private static void both(String split, boolean[] outcomes) {
    boolean[] seen = new boolean[2];
    for (boolean o : outcomes) {
      seen[o ? 1 : 0] = true;
    }
    if (!seen[0] || !seen[1]) {
      throw new IllegalArgumentException("the " + split + " split needs rows with and without the outcome");
    }
  }

  private static Example<Label> example(String[] names, double[] values, Label label) {
    return new ArrayExample<>(label, names, values);
  }

  private static int[] shuffled(int n, long seed) {
    int[] order = java.util.stream.IntStream.range(0, n).toArray();
    Random r = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
