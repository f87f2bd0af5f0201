package io.cairn.bench.profiles;

import io.cairn.profiles.identity.IdentifierType;
import io.cairn.profiles.identity.IdentityGraph;
import io.cairn.profiles.identity.IdentityRecord;
import io.cairn.profiles.identity.MatchRule;
import io.cairn.profiles.identity.Normalizer;
import io.cairn.profiles.models.ModelArtifact;
import io.cairn.profiles.models.Propensity;
import io.cairn.profiles.segments.KMeansClustering;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The profile benchmarks, each beside the bare call on the same data so that Cairn's overhead is a
 * ratio: identity resolution of 10M identifiers (5M records with an email and a phone, one in five a duplicate)
 * against a bare union-find over the same normalised keys; K-means on 1M x 8 (Cairn: standardisation,
 * silhouette on a sample, cluster summaries) against Tribuo's {@code KMeansTrainer}; logistic regression on 1M x 20
 * (Cairn: standardisation, train/test split, AUC and log-loss) against Tribuo's {@code LinearSGDTrainer}; and
 * scoring rows/s through a registry artifact against {@code model.predict}. One run, one figure each; the
 * machine is shared, so compare figures of the same run.
 *
 * <p>Run: {@code java -Xmx4g -cp <bench classpath> io.cairn.bench.profiles.ProfilesBench [--scale 0.1]}; the
 * scale multiplies every size (1 = the sizes) and the report says what ran.
 */
public final class ProfilesBench {
  private ProfilesBench() {}

  public static void main(String[] args) {
    double scale = args.length >= 2 && args[0].equals("--scale") ? Double.parseDouble(args[1]) : 1.0;
    int identifiers = (int) (10_000_000 * scale);
    int rows = (int) (1_000_000 * scale);
    System.out.printf(Locale.ROOT, "profiles benchmark at scale %.3f: %,d identifiers; %,d rows; %d cores%n",
        scale, identifiers, rows, Runtime.getRuntime().availableProcessors());
    identity(identifiers / 2);
    kmeans(rows);
    double[][] x = new double[rows][];
    boolean[] y = new boolean[rows];
    List<String> features = logistic(rows, x, y);
    scoring(features, x, y);
  }

  private static void identity(int records) {
    List<IdentityRecord> batch = new ArrayList<>(records);
    Random r = new Random(1);
    for (int i = 0; i < records; i++) {
      int person = i % 5 == 4 ? r.nextInt(Math.max(1, i)) : i;
      Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
      ids.put(IdentifierType.EMAIL, "Person" + person + "@Example.com");
      ids.put(IdentifierType.PHONE, "+1 415 " + String.format(Locale.ROOT, "%07d", person % 10_000_000));
      batch.add(new IdentityRecord("r" + i, "crm", null, ids, Map.of()));
    }
    Normalizer normalizer = new Normalizer("US");
    System.gc();
    long heap0 = used();
    long t0 = System.nanoTime();
    IdentityGraph graph = new IdentityGraph(MatchRule.parseAll(List.of("email", "phone")), null, normalizer);
    for (int from = 0; from < records; from += 10_000) {
      graph.add(batch.subList(from, Math.min(records, from + 10_000)));
    }
    double cairn = seconds(t0);
    long heap = used() - heap0;
    int profiles = graph.profileIds().values().stream().distinct().toList().size();
    graph = null;
    t0 = System.nanoTime();
    int bare = bareUnionFind(batch, normalizer);
    double plain = seconds(t0);
    System.out.printf(Locale.ROOT, "identity resolution, %,d identifiers: Cairn %.2f s (heap grew %,d MB, %,d profiles)"
        + " | bare union-find on the same normalised keys %.2f s (%,d profiles) | ratio %.2f (goal < 60 s, < 4 GB)%n",
        2L * records, cairn, heap >> 20, profiles, plain, bare, cairn / plain);
  }

  /** Normalise each identifier, look up the first record with it, union: the least any resolver must do. */
  private static int bareUnionFind(List<IdentityRecord> records, Normalizer normalizer) {
    int[] parent = new int[records.size()];
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      for (Map.Entry<IdentifierType, String> e : records.get(i).identifiers().entrySet()) {
        String key = e.getKey().configName() + ":" + normalizer.normalise(e.getKey(), e.getValue());
        Integer earlier = first.putIfAbsent(key, i);
        if (earlier != null) {
          int a = find(parent, i);
          int b = find(parent, earlier);
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    int roots = 0;
    for (int i = 0; i < parent.length; i++) {
      roots += find(parent, i) == i ? 1 : 0;
    }
    return roots;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void kmeans(int n) {
    Random r = new Random(2);
    double[][] x = new double[n][8];
    for (int i = 0; i < n; i++) {
      int group = i % 5;
      for (int j = 0; j < 8; j++) {
        x[i][j] = group * 10 * (j + 1) + r.nextGaussian() * (j + 1);
      }
    }
    List<String> features = names("f", 8);
    long t0 = System.nanoTime();
    KMeansClustering.Result fit = new KMeansClustering(5, 5, 10, 42, 2000).fit(features, x);
    double cairn = seconds(t0);
    t0 = System.nanoTime();
    String[] names = features.toArray(String[]::new);
    MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("bare", new ClusteringFactory()),
        new ClusteringFactory());
    for (double[] row : x) {
      data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
    }
    new KMeansTrainer(5, 10, KMeansTrainer.Distance.EUCLIDEAN, KMeansTrainer.Initialisation.PLUSPLUS, 1, 42).train(data);
    double plain = seconds(t0);
    System.out.printf(Locale.ROOT, "K-means, %,d x 8, k=5, 10 iterations: Cairn %.2f s (silhouette %.3f) | bare Tribuo"
        + " KMeansTrainer %.2f s | ratio %.2f (goal < 5 s)%n", n, cairn, fit.silhouettes().get(5), plain, cairn / plain);
  }

  private static List<String> logistic(int n, double[][] x, boolean[] y) {
    Random r = new Random(3);
    for (int i = 0; i < n; i++) {
      x[i] = new double[20];
      double logit = 0;
      for (int j = 0; j < 20; j++) {
        x[i][j] = r.nextGaussian();
        logit += (j < 5 ? 0.8 : 0) * x[i][j];
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
    }
    List<String> features = names("x", 20);
    long t0 = System.nanoTime();
    Propensity p = Propensity.train(features, x, y, 0.25, 7);
    double cairn = seconds(t0);
    t0 = System.nanoTime();
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("bare", labels), labels);
    String[] names = features.toArray(String[]::new);
    for (int i = 0; i < n; i++) {
      data.add(new ArrayExample<>(new Label(y[i] ? "1" : "0"), names, x[i]));
    }
    new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, 7).train(data);
    double plain = seconds(t0);
    System.out.printf(Locale.ROOT, "logistic regression, %,d x 20, 10 epochs: Cairn %.2f s (AUC %.3f on %,d held-out"
        + " rows) | bare Tribuo LinearSGDTrainer %.2f s | ratio %.2f (goal < 10 s)%n", n, cairn, p.auc(), p.testSize(),
        plain, cairn / plain);
    return features;
  }

  private static void scoring(List<String> features, double[][] x, boolean[] y) {
    Propensity p = Propensity.train(features, java.util.Arrays.copyOf(x, Math.min(x.length, 50_000)),
        java.util.Arrays.copyOf(y, Math.min(y.length, 50_000)), 0.25, 7);
    ModelArtifact artifact = ModelArtifact.fromBytes(ModelArtifact.of(p).toBytes());
    LinearSGDModel model = p.model();
    String[] names = features.toArray(String[]::new);
    double sink = 0;
    long t0 = System.nanoTime();
    for (int from = 0; from < x.length; from += 1000) {
      for (double s : artifact.score(java.util.Arrays.copyOfRange(x, from, Math.min(x.length, from + 1000)))) {
        sink += s;
      }
    }
    double cairn = x.length / seconds(t0);
    t0 = System.nanoTime();
    for (double[] row : x) {
      Example<Label> e = new ArrayExample<>(new Label("0"), names, p.scaler().apply(row));
      sink += model.predict(e).getOutputScores().get("1").getScore();
    }
    double plain = x.length / seconds(t0);
    System.out.printf(Locale.ROOT, "scoring, %,d rows x 20: Cairn (registry artifact, batches of 1,000) %,.0f rows/s |"
        + " bare Tribuo predict %,.0f rows/s | ratio %.2f (goal >= 1M rows/s) [checksum %.1f]%n", x.length, cairn,
        plain, plain / cairn, sink);
  }

  private static List<String> names(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
