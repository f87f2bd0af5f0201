package io.cairn.bench.profiles;

import io.cairn.profiles.identity.IdentifierType;
import io.cairn.profiles.identity.IdentityGraph;
import io.cairn.profiles.identity.IdentityRecord;
import io.cairn.profiles.identity.MatchRule;
import io.cairn.profiles.identity.Normalizer;
import io.cairn.profiles.models.Propensity;
import io.cairn.profiles.segments.KMeansClustering;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
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
 * ratio: identity resolution of 10M identifiers (5M records with an email and a North American phone, one in
 * five a duplicate) against a bare union-find over the same normalised keys; K-means on 1M x 8 (Cairn:
 * standardisation, silhouette on a 2,000-row sample, cluster summaries) against Tribuo's {@code KMeansTrainer}
 * with the same k, iterations, initialisation, seed and thread; logistic regression on 1M x 20 (Cairn:
 * train/test split, standardisation, AUC and log-loss) against Tribuo's {@code LinearSGDTrainer} on the same
 * training rows with the same settings. Scoring has its own benchmark. Each run prints wall and process CPU
 * time of both sides and their ratios; the machine is shared, so compare figures of the same run, and prefer
 * the CPU ratio and the medians of repeated runs.
 *
 * <p>Run: {@code java -Xms4g -Xmx4g -cp <bench classpath> io.cairn.bench.profiles.ProfilesBench [--scale 0.1] [--only
 * identity|kmeans|logistic] [--repeat 3]}; the scale multiplies every size (1 = the sizes) and the report
 * says what ran and the load average.
 */
public final class ProfilesBench {
  private ProfilesBench() {}

  public static void main(String[] args) throws java.io.IOException {
    double scale = 1.0;
    String only = "all";
    int repeat = 1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--scale" -> scale = Double.parseDouble(args[i + 1]);
        case "--only" -> only = args[i + 1];
        case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (use --scale S, --only"
            + " identity|kmeans|logistic, --repeat N)");
      }
    }
    int identifiers = (int) (10_000_000 * scale);
    int rows = (int) (1_000_000 * scale);
    System.out.printf(Locale.ROOT, "profiles benchmark at scale %.3f: %,d identifiers; %,d rows; %d cores; max heap"
        + " %,d MB; %d run(s) each; load average %s%n", scale, identifiers, rows,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, repeat, load());
    if (only.equals("all") || only.equals("identity")) {
      runs(repeat, identity(identifiers / 2));
    }
    if (only.equals("all") || only.equals("kmeans")) {
      runs(repeat, kmeans(rows));
    }
    if (only.equals("all") || only.equals("logistic")) {
      runs(repeat, logistic(rows));
    }
    System.out.printf(Locale.ROOT, "load average at the end: %s%n", load());
  }

  /** One side's work: it stops the watch where the timed part ends and returns a note on its result. */
  private interface Side {
    String run(Stopwatch watch);
  }

  /**
   * A benchmark section: the same work through Cairn and bare.
   *
   * @param title what ran, with its sizes and settings
   * @param goal the goal
   */
  private record Section(String title, String goal, Side cairn, Side bare) {}

  /** Wall and process CPU time (every thread of this JVM, the collector's included; no other process). */
  private static final class Stopwatch {
    private final long wall0 = System.nanoTime();
    private final long cpu0 = cpu();
    private double wall = -1;
    private double cpu;

    void stop() {
      if (wall < 0) {
        wall = (System.nanoTime() - wall0) / 1e9;
        cpu = (cpu() - cpu0) / 1e9;
      }
    }
  }

  private static Stopwatch time(Side side, String[] note) {
    System.gc();
    Stopwatch watch = new Stopwatch();
    note[0] = side.run(watch);
    watch.stop();
    return watch;
  }

  /**
   * Runs a section {@code repeat} times, Cairn first in odd runs and bare first in even ones (so neither side
   * always pays the JIT's warm-up), prints each run's figures and then the medians: of the wall times, of the
   * CPU times and of each run's ratios.
   */
  private static void runs(int repeat, Section section) {
    double[][] figures = new double[6][repeat];
    for (int i = 0; i < repeat; i++) {
      String[] cairnNote = new String[1];
      String[] bareNote = new String[1];
      Stopwatch cairn;
      Stopwatch bare;
      if (i % 2 == 0) {
        cairn = time(section.cairn(), cairnNote);
        bare = time(section.bare(), bareNote);
      } else {
        bare = time(section.bare(), bareNote);
        cairn = time(section.cairn(), cairnNote);
      }
      double[] r = {cairn.wall, bare.wall, cairn.cpu, bare.cpu, cairn.wall / bare.wall, cairn.cpu / bare.cpu};
      for (int f = 0; f < r.length; f++) {
        figures[f][i] = r[f];
      }
      System.out.printf(Locale.ROOT, "%s (%s first): Cairn %.2f s, CPU %.2f s (%s) | bare %.2f s, CPU %.2f s (%s) |"
          + " ratio %.2f, of CPU %.2f (goal %s)%n", section.title(), i % 2 == 0 ? "Cairn" : "bare", r[0], r[2],
          cairnNote[0], r[1], r[3], bareNote[0], r[4], r[5], section.goal());
    }
    if (repeat > 1) {
      System.out.printf(Locale.ROOT, "%s, medians of %d runs: Cairn %.2f s, CPU %.2f s | bare %.2f s, CPU %.2f s |"
          + " ratio %.2f, of CPU %.2f%n", section.title(), repeat, median(figures[0]), median(figures[2]),
          median(figures[1]), median(figures[3]), median(figures[4]), median(figures[5]));
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String load() throws java.io.IOException {
    java.nio.file.Path p = java.nio.file.Path.of("/proc/loadavg");
    return java.nio.file.Files.exists(p) ? String.join(" ", java.util.Arrays.copyOf(
        java.nio.file.Files.readString(p).strip().split(" "), 3)) : "unknown";
  }

  /** 5M records with an email and a phone, one in five a duplicate of an earlier person. */
  private static Section identity(int records) {
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
    Side cairn = watch -> {
      long heap0 = used();
      IdentityGraph graph = new IdentityGraph(MatchRule.parseAll(List.of("email", "phone")), null, normalizer);
      for (int from = 0; from < records; from += 10_000) {
        graph.add(batch.subList(from, Math.min(records, from + 10_000)));
      }
      watch.stop();
      System.gc();
      long heap = used() - heap0;
      int profiles = graph.profileIds().values().stream().distinct().toList().size();
      return String.format(Locale.ROOT, "the graph holds %,d MB of heap beside the input; %,d profiles", heap >> 20,
          profiles);
    };
    Side bare = watch -> String.format(Locale.ROOT, "%,d profiles", bareUnionFind(batch, normalizer));
    return new Section(String.format(Locale.ROOT, "identity resolution, %,d identifiers, bare = union-find on the"
        + " same normalised keys", 2L * records), "< 60 s, < 4 GB heap", cairn, bare);
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

  private static Section kmeans(int n) {
    Random r = new Random(2);
    double[][] x = new double[n][8];
    for (int i = 0; i < n; i++) {
      int group = i % 5;
      for (int j = 0; j < 8; j++) {
        x[i][j] = group * 10 * (j + 1) + r.nextGaussian() * (j + 1);
      }
    }
    List<String> features = names("f", 8);
    Side cairn = watch -> String.format(Locale.ROOT, "standardised, silhouette %.3f on a 2,000-row sample,"
        + " summaries", new KMeansClustering(5, 5, 10, 42, 2000).fit(features, x).silhouettes().get(5));
    Side bare = watch -> {
      String[] names = features.toArray(String[]::new);
      MutableDataset<ClusterID> data = new MutableDataset<>(
          new SimpleDataSourceProvenance("bare", new ClusteringFactory()), new ClusteringFactory());
      for (double[] row : x) {
        data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
      }
      new KMeansTrainer(5, 10, KMeansTrainer.Distance.EUCLIDEAN, KMeansTrainer.Initialisation.PLUSPLUS, 1, 42)
          .train(data);
      return "Tribuo KMeansTrainer";
    };
    return new Section(String.format(Locale.ROOT, "K-means, %,d x 8, k=5, 10 iterations, k-means++, seed 42, 1"
        + " thread", n), "< 5 s", cairn, bare);
  }

  /**
   * Cairn trains on a shuffled 75% of the rows and tests on the rest; the bare call trains on the same 75%
   * (raw values), with the same trainer settings: 10 epochs of AdaGrad(0.5), seed 7.
   */
  private static Section logistic(int n) {
    double[][] x = new double[n][];
    boolean[] y = new boolean[n];
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
    boolean[] held = new boolean[n];
    for (int i : Propensity.testRows(n, 0.25, 7)) {
      held[i] = true;
    }
    Side cairn = watch -> {
      Propensity p = Propensity.train(features, x, y, 0.25, 7);
      return String.format(Locale.ROOT, "split, standardised, trained on %,d rows; AUC %.3f on %,d held-out rows",
          p.trainSize(), p.auc(), p.testSize());
    };
    Side bare = watch -> {
      LabelFactory labels = new LabelFactory();
      MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("bare", labels), labels);
      String[] names = features.toArray(String[]::new);
      for (int i = 0; i < n; i++) {
        if (!held[i]) {
          data.add(new ArrayExample<>(new Label(y[i] ? "1" : "0"), names, x[i]));
        }
      }
      new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, 7).train(data);
      return String.format(Locale.ROOT, "Tribuo LinearSGDTrainer on the same %,d training rows", data.size());
    };
    return new Section(String.format(Locale.ROOT, "logistic regression, %,d x 20, 10 epochs of AdaGrad(0.5), seed 7",
        n), "< 10 s", cairn, bare);
  }

  private static List<String> names(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  /** The CPU time of this JVM so far, in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
