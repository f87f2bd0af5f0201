package io.cairn.bench.profiles;

import io.cairn.profiles.models.BatchScorer;
import io.cairn.profiles.models.ModelArtifact;
import io.cairn.profiles.models.Propensity;
import io.cairn.profiles.onnx.OnnxExport;
import io.cairn.profiles.onnx.OnnxModel;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * Scoring rows/s of a propensity model (logistic regression on 20 features, trained on 50,000 rows) over
 * 1M x 20 rows, four ways on the same values, from one run:
 * <ol>
 *   <li>the score step's path: batches of 1,000 {@link Row}s (boxed values, as a flow batch holds them) whose
 *       feature cells go to the registry artifact's {@link BatchScorer} in one call per batch, and a new row
 *       with the score appended, as {@code cairn:step:score} does (rows have no subject, so no consent lookup);
 *   <li>the compiled scorer alone on one flat {@code double[]} (the kernel of 1.);
 *   <li>bare Tribuo: {@code model.predict} per row on the standardised values;
 *   <li>ONNX Runtime: the model exported as one self-contained ONNX model ({@link OnnxExport}), batches of
 *       1,000 rows per {@code OrtSession.run} ({@link OnnxModel}).
 * </ol>
 * Each is timed three times and the best is kept, by the wall clock and by the CPU time of the whole process
 * (all threads, ONNX Runtime's and the GC's too, so it holds when other processes load the machine); the report
 * gives the load, the ratios and the largest difference of 1., 2. and 4. from Tribuo's scores.
 *
 * <p>Run: {@code java -Xmx3g -cp <bench classpath> io.cairn.bench.profiles.ScoringBench [--rows N]}.
 */
public final class ScoringBench {
  private static final int FEATURES = 20;
  private static final int BATCH = 1000;

  private ScoringBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length >= 2 && args[0].equals("--rows") ? Integer.parseInt(args[1]) : 1_000_000;
    List<String> features = new ArrayList<>();
    for (int f = 0; f < FEATURES; f++) {
      features.add("f" + f);
    }
    Random r = new Random(1);
    double[][] x = new double[n][FEATURES];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double logit = 0;
      for (int f = 0; f < FEATURES; f++) {
        x[i][f] = 10 * f + (f + 1) * r.nextGaussian();
        logit += (f % 3 - 1) * (x[i][f] - 10 * f) / (f + 1);
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
    }
    int train = Math.min(n, 50_000);
    Propensity p = Propensity.train(features, Arrays.copyOf(x, train), Arrays.copyOf(y, train), 0.25, 7);
    ModelArtifact artifact = ModelArtifact.fromBytes(ModelArtifact.of(p).toBytes());
    BatchScorer scorer = artifact.scorer();
    System.out.printf(Locale.ROOT, "scoring benchmark: %,d rows x %d; %d cores; load %s%n", n, FEATURES,
        Runtime.getRuntime().availableProcessors(), load());

    List<List<Row>> batches = rows(x);
    double[] flat = new double[n * FEATURES];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, flat, i * FEATURES, FEATURES);
    }
    double[] tribuo = new double[n];
    double[] step = new double[n];
    double[] kernel = new double[n];
    double[] onnx = new double[n];
    Rate stepRate = best(n, () -> step(scorer, batches, step));
    Rate kernelRate = best(n, () -> {
      scorer.score(flat, n, kernel);
      return kernel[n - 1];
    });
    LinearSGDModel model = p.model();
    String[] names = features.toArray(String[]::new);
    Rate tribuoRate = best(n, () -> {
      for (int i = 0; i < n; i++) {
        Example<Label> e = new ArrayExample<>(new Label("0"), names, p.scaler().apply(x[i]));
        tribuo[i] = model.predict(e).getOutputScores().get("1").getScore();
      }
      return tribuo[n - 1];
    });
    Rate onnxRate;
    try (OnnxModel ort = OnnxModel.load(OnnxExport.export(artifact, "io.cairn.bench", 1).onnx(), null, features,
        null, null)) {
      onnxRate = best(n, () -> {
        double[] out = new double[BATCH];
        for (int from = 0; from < n; from += BATCH) {
          int m = Math.min(BATCH, n - from);
          ort.score(Arrays.copyOfRange(flat, from * FEATURES, (from + m) * FEATURES), m, out);
          System.arraycopy(out, 0, onnx, from, m);
        }
        return onnx[n - 1];
      });
    }
    for (boolean cpu : new boolean[] {false, true}) {
      String unit = cpu ? "rows per CPU second" : "rows/s (wall)";
      double viaStep = cpu ? stepRate.cpu() : stepRate.wall();
      double viaKernel = cpu ? kernelRate.cpu() : kernelRate.wall();
      double bare = cpu ? tribuoRate.cpu() : tribuoRate.wall();
      double ort = cpu ? onnxRate.cpu() : onnxRate.wall();
      System.out.printf(Locale.ROOT, "%s: score step path (batches of %,d, compiled scorer) %,.0f | compiled scorer"
          + " on flat arrays %,.0f | bare Tribuo predict %,.0f | ONNX Runtime (batches of %,d) %,.0f | step / Tribuo"
          + " %.1f | step / ONNX Runtime %.1f%n", unit, BATCH, viaStep, viaKernel, bare, BATCH, ort, viaStep / bare,
          viaStep / ort);
    }
    System.out.printf(Locale.ROOT, "goal >= 1M rows/s through the step: %s%n",
        stepRate.wall() >= 1e6 ? "met" : "not met");
    System.out.printf(Locale.ROOT, "largest difference from Tribuo: step %.2e, kernel %.2e, ONNX Runtime %.2e"
        + " (float)%n", maxDiff(step, tribuo), maxDiff(kernel, tribuo), maxDiff(onnx, tribuo));
  }

  /** The rows as a flow holds them, in batches: boxed values, an id column first, a provenance each. */
  private static List<List<Row>> rows(double[][] x) {
    Provenance where = new Provenance(new DatasetRef("bench", "rows"), "0");
    List<List<Row>> batches = new ArrayList<>();
    for (int from = 0; from < x.length; from += BATCH) {
      List<Row> batch = new ArrayList<>(BATCH);
      for (int i = from; i < Math.min(x.length, from + BATCH); i++) {
        Object[] v = new Object[FEATURES + 1];
        v[0] = "c" + i;
        for (int f = 0; f < FEATURES; f++) {
          v[f + 1] = x[i][f];
        }
        batch.add(new Row(v, null, where));
      }
      batches.add(batch);
    }
    return batches;
  }

  /** What {@code cairn:step:score} does with each batch (ModelStep.apply), minus consent for subject-less rows. */
  private static double step(BatchScorer scorer, List<List<Row>> batches, double[] into) {
    int[] columns = new int[FEATURES];
    Arrays.setAll(columns, f -> f + 1);
    int at = 0;
    for (List<Row> rows : batches) {
      double[] scores = scorer.scoreCells(rows.size(), columns, (row, c) -> rows.get(row).get(c),
          row -> rows.get(row).subjectId() == null);
      List<Row> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        Object[] v = new Object[FEATURES + 2];
        for (int c = 0; c <= FEATURES; c++) {
          v[c] = row.get(c);
        }
        v[FEATURES + 1] = Double.isNaN(scores[i]) ? null : (Object) scores[i];
        out.add(row.withValues(v));
      }
      for (Row row : out) {
        into[at++] = (Double) row.get(FEATURES + 1);
      }
    }
    return into[at - 1];
  }

  /** Rows per wall-clock second and per CPU second of the process (all threads, GC too), each the best of three. */
  private record Rate(double wall, double cpu) {}

  private static Rate best(int n, DoubleSupplier run) {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    double wall = Double.MAX_VALUE;
    double cpu = Double.MAX_VALUE;
    double sink = 0;
    for (int i = 0; i < 3; i++) {
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      sink += run.getAsDouble();
      wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
      cpu = Math.min(cpu, (os.getProcessCpuTime() - c0) / 1e9);
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("a run scored NaN");
    }
    return new Rate(n / wall, n / cpu);
  }

  private static double maxDiff(double[] a, double[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
