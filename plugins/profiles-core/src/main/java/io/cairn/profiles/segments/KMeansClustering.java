package io.cairn.profiles.segments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * K-means clustering of profiles with Tribuo: features standardised (mean 0, standard deviation 1) so that
 * no unit dominates, k-means++ initialisation with a fixed seed, and k chosen between {@code minK} and
 * {@code maxK} by the highest mean silhouette (computed on at most {@code silhouetteSample} points).
 * Immutable and thread-safe; each {@link #fit} is independent.
 *
 * @param minK the smallest k tried, at least 2
 * @param maxK the largest k tried
 * @param iterations the most K-means iterations per fit
 * @param seed the random seed of initialisation and sampling
 * @param silhouetteSample the most points the silhouette is computed on
 */
public record KMeansClustering(int minK, int maxK, int iterations, long seed, int silhouetteSample) {
  public KMeansClustering {
    if (minK < 2 || maxK < minK) {
      throw new IllegalArgumentException("k must range over 2 <= minK <= maxK, not " + minK + ".." + maxK);
    }
    if (iterations < 1 || silhouetteSample < 2) {
      throw new IllegalArgumentException("iterations must be at least 1 and silhouetteSample at least 2");
    }
  }

  /** k from 2 to {@code maxK}, 100 iterations, seed 42, silhouette on up to 2,000 points. */
  public static KMeansClustering upTo(int maxK) {
    return new KMeansClustering(2, maxK, 100, 42, 2000);
  }

  /**
   * The result of a fit.
   *
   * @param k the chosen number of clusters
   * @param assignments the cluster of every row, in input order
   * @param silhouettes the mean silhouette of every k tried
   * @param summaries every cluster's size and feature means in original units
   * @param model the Tribuo model (standardisation and K-means) that assigns new rows
   */
  public record Result(int k, int[] assignments, Map<Integer, Double> silhouettes, List<ClusterSummary> summaries,
      TransformedModel<ClusterID> model) {}

  /**
   * Clusters rows of features.
   *
   * @throws IllegalArgumentException when there are fewer rows than clusters or a row has the wrong width
   */
  public Result fit(List<String> features, double[][] rows) {
    if (rows.length <= maxK) {
      throw new IllegalArgumentException("clustering into up to " + maxK + " clusters needs more than " + maxK
          + " rows, not " + rows.length);
    }
    String[] names = features.toArray(String[]::new);
    MutableDataset<ClusterID> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("profile features", new ClusteringFactory()), new ClusteringFactory());
    List<Example<ClusterID>> examples = new ArrayList<>(rows.length);
    for (double[] row : rows) {
      if (row.length != names.length) {
        throw new IllegalArgumentException("a row has " + row.length + " values for " + names.length + " features");
      }
      Example<ClusterID> e = new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row);
      examples.add(e);
      data.add(e);
    }
    int[] sample = sample(rows.length);
    Map<Integer, Double> silhouettes = new LinkedHashMap<>();
    Result best = null;
    for (int k = minK; k <= maxK; k++) {
      TransformedModel<ClusterID> model = new TransformTrainer<>(
          new KMeansTrainer(k, iterations, KMeansTrainer.Distance.EUCLIDEAN, KMeansTrainer.Initialisation.PLUSPLUS,
              1, seed),
          new TransformationMap(List.of(new MeanStdDevTransformation()))).train(data);
      int[] labels = examples.stream().mapToInt(e -> model.predict(e).getOutput().getID()).toArray();
      double s = silhouette(model, examples, labels, sample, names);
      silhouettes.put(k, s);
      if (best == null || s > silhouettes.get(best.k())) {
        best = new Result(k, labels, silhouettes, null, model);
      }
    }
    return new Result(best.k(), best.assignments(), Map.copyOf(silhouettes),
        summaries(best.k(), best.assignments(), names, rows), best.model());
  }

  private int[] sample(int n) {
    if (n <= silhouetteSample) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    return new Random(seed).ints(0, n).distinct().limit(silhouetteSample).sorted().toArray();
  }

  private static double silhouette(TransformedModel<ClusterID> model, List<Example<ClusterID>> examples,
      int[] labels, int[] sample, String[] names) {
    double[][] scaled = new double[sample.length][];
    int[] sampleLabels = new int[sample.length];
    for (int i = 0; i < sample.length; i++) {
      Example<ClusterID> t = model.getTransformerMap().transformExample(examples.get(sample[i]));
      Map<String, Double> byName = new java.util.HashMap<>();
      for (Feature f : t) {
        byName.put(f.getName(), f.getValue());
      }
      scaled[i] = java.util.Arrays.stream(names).mapToDouble(n -> byName.getOrDefault(n, 0.0)).toArray();
      sampleLabels[i] = labels[sample[i]];
    }
    return ClusterQuality.silhouette(scaled, sampleLabels);
  }

  private static List<ClusterSummary> summaries(int k, int[] labels, String[] names, double[][] rows) {
    List<ClusterSummary> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double[] sum = new double[names.length];
      int size = 0;
      for (int i = 0; i < rows.length; i++) {
        if (labels[i] == c) {
          size++;
          for (int f = 0; f < names.length; f++) {
            sum[f] += rows[i][f];
          }
        }
      }
      Map<String, Double> means = new LinkedHashMap<>();
      for (int f = 0; f < names.length; f++) {
        means.put(names[f], size == 0 ? Double.NaN : sum[f] / size);
      }
      out.add(new ClusterSummary(c, size, means));
    }
    return out;
  }
}
