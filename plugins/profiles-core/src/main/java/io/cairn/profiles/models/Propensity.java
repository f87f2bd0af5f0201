package io.cairn.profiles.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A propensity model (will this profile buy, churn, ...): logistic regression trained with Tribuo's linear
 * SGD on standardised features, on a random train share of the rows, judged on the held-out rest by AUC
 * (Tribuo's evaluator) and log-loss.
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
    double[][] trainX = new double[trainSize][];
    for (int i = 0; i < trainSize; i++) {
      trainX[i] = x[order[i]];
    }
    Standardiser scaler = Standardiser.fit(trainX);
    String[] names = features.toArray(String[]::new);
    MutableDataset<Label> train = dataset("train", names, x, y, order, 0, trainSize, scaler);
    MutableDataset<Label> test = dataset("test", names, x, y, order, trainSize, x.length, scaler);
    LinearSGDModel model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, seed).train(train);
    LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
    double loss = 0;
    for (Example<Label> e : test) {
      double p = Math.min(1 - EPSILON, Math.max(EPSILON, positive(model.predict(e))));
      loss -= e.getOutput().equals(POSITIVE) ? Math.log(p) : Math.log(1 - p);
    }
    return new Propensity(List.copyOf(features), scaler, model, evaluation.AUCROC(POSITIVE), loss / test.size(),
        trainSize, testSize);
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

  private static MutableDataset<Label> dataset(String name, String[] names, double[][] x, boolean[] y, int[] order,
      int from, int to, Standardiser scaler) {
    List<Example<Label>> examples = new ArrayList<>(to - from);
    boolean[] seen = new boolean[2];
    for (int i = from; i < to; i++) {
      int row = order[i];
      if (x[row].length != names.length) {
        throw new IllegalArgumentException("row " + row + " has " + x[row].length + " values for " + names.length
            + " features");
      }
      examples.add(example(names, scaler.apply(x[row]), y[row] ? POSITIVE : NEGATIVE));
      seen[y[row] ? 1 : 0] = true;
    }
    if (!seen[0] || !seen[1]) {
      throw new IllegalArgumentException("the " + name + " split needs rows with and without the outcome");
    }
    return new MutableDataset<>(examples, new SimpleDataSourceProvenance("propensity " + name, LABELS), LABELS);
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
