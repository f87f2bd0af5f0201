package io.cairn.profiles.segments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformedModel;

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
   * Clusters rows of features. The rows are standardised once, here, and Tribuo's K-means is trained for every
   * k on one dataset of the standardised rows (an {@code ArrayExample} per row sharing one array of feature
   * names, as a bare call builds it); the model returned is Tribuo's {@code TransformedModel} that standardises
   * raw rows the same way (see {@link StandardisedClusters}). The rows' clusters and the silhouette are
   * computed from the model's centroids on the standardised rows (the nearest-centroid rule of {@code
   * model.predict}, without an example and a prediction object per row).
   *
   * @throws IllegalArgumentException when there are fewer rows than clusters or a row has the wrong width
   */
  public Result fit(List<String> features, double[][] rows) {
    if (rows.length <= maxK) {
      throw new IllegalArgumentException("clustering into up to " + maxK + " clusters needs more than " + maxK
          + " rows, not " + rows.length);
    }
    String[] names = features.toArray(String[]::new);
    for (double[] row : rows) {
      if (row.length != names.length) {
        throw new IllegalArgumentException("a row has " + row.length + " values for " + names.length + " features");
      }
    }
    StandardisedClusters standard = StandardisedClusters.fit(rows, names.length);
    double[][] scaled = standard.scale(rows);
    MutableDataset<ClusterID> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("profile features, standardised", new ClusteringFactory()),
        new ClusteringFactory());
    for (double[] row : scaled) {
      data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
    }
    int[] sample = sample(rows.length);
    Map<Integer, Double> silhouettes = new LinkedHashMap<>();
    Result best = null;
    for (int k = minK; k <= maxK; k++) {
      KMeansTrainer trainer = new KMeansTrainer(k, iterations, KMeansTrainer.Distance.EUCLIDEAN,
          KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
      KMeansModel model = trainer.train(data);
      int[] labels = nearest(centroids(model, names), scaled);
      double s = silhouette(scaled, labels, sample);
      silhouettes.put(k, s);
      if (best == null || s > silhouettes.get(best.k())) {
        best = new Result(k, labels, silhouettes, null, standard.wrap(names, model, trainer, data));
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

  /** The model's centroids in standardised units, one row per cluster id, columns in feature order. */
  private static double[][] centroids(KMeansModel model, String[] names) {
    List<List<Feature>> centroids = model.getCentroids();
    Map<String, Integer> column = new java.util.HashMap<>();
    for (int f = 0; f < names.length; f++) {
      column.put(names[f], f);
    }
    double[][] out = new double[centroids.size()][names.length];
    for (int c = 0; c < centroids.size(); c++) {
      for (Feature feature : centroids.get(c)) {
        Integer f = column.get(feature.getName());
        if (f != null) {
          out[c][f] = feature.getValue();
        }
      }
    }
    return out;
  }

  /** Each row's nearest centroid by Euclidean distance, the first on a tie (as Tribuo's K-means predicts). */
  private static int[] nearest(double[][] centroids, double[][] scaled) {
    int[] labels = new int[scaled.length];
    for (int i = 0; i < scaled.length; i++) {
      double min = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centroids.length; c++) {
        double d = ClusterQuality.distance(scaled[i], centroids[c]);
        if (d < min) {
          min = d;
          labels[i] = c;
        }
      }
    }
    return labels;
  }

  private static double silhouette(double[][] scaled, int[] labels, int[] sample) {
    double[][] points = new double[sample.length][];
    int[] sampleLabels = new int[sample.length];
    for (int i = 0; i < sample.length; i++) {
      points[i] = scaled[sample[i]];
      sampleLabels[i] = labels[sample[i]];
    }
    return ClusterQuality.silhouette(points, sampleLabels);
  }

  private static List<ClusterSummary> summaries(int k, int[] labels, String[] names, double[][] rows) {
    double[][] sum = new double[k][names.length];
    int[] size = new int[k];
    for (int i = 0; i < rows.length; i++) {
      int c = labels[i];
      size[c]++;
      for (int f = 0; f < names.length; f++) {
        sum[c][f] += rows[i][f];
      }
    }
    List<ClusterSummary> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      Map<String, Double> means = new LinkedHashMap<>();
      for (int f = 0; f < names.length; f++) {
        means.put(names[f], size[c] == 0 ? Double.NaN : sum[c][f] / size[c]);
      }
      out.add(new ClusterSummary(c, size[c], means));
    }
    return out;
  }
}
