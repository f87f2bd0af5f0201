package io.cairn.bench.consent;

import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.governance.consent.ConsentGate;
import io.cairn.governance.consent.ConsentIndex;
import io.cairn.governance.consent.ConsentStatus;
import io.cairn.governance.consent.Identifiers;
import io.cairn.spi.Purpose;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The consent check the runtime makes per row ({@link ConsentIndex#checkAll} over each batch of 1,000 rows, as
 * the consent hook does; and {@link ConsentIndex#check} one row at a time) with {@code subjects} subjects
 * indexed, beside the cheapest thinkable check: {@code HashSet<String>.contains} over the identifiers of the
 * subjects that consented. Rows are fresh strings (as parsed from a source, hash not cached), 90% known subjects
 * and 10% unknown, in random order; best of 7 alternating rounds each, in CPU time of the measuring thread
 * (wall time on a busy machine measures the other processes). Goal: under 200 ns per row.
 * Run alone: {@code java -Xmx4g -cp <bench classpath> io.cairn.bench.consent.ConsentBench [subjects]}.
 */
public final class ConsentBench {
  /** The goal per row, in nanoseconds. */
  public static final double GOAL_NS = 200;
  private static final int ROUNDS = 7;
  /** Rows per batch, as flows move them. */
  public static final int BATCH = 1000;
  /** CPU time of this thread: on a shared machine, wall time mostly measures the other processes. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final List<PurposeEntry> PURPOSES = List.of(
      new PurposeEntry("analytics", null, "consent", "deny"),
      new PurposeEntry("personalisation", null, "consent", "deny"),
      new PurposeEntry("profiling", null, "consent", "deny"),
      new PurposeEntry("email_marketing", null, "consent", "deny"),
      new PurposeEntry("advertising", null, "consent", "deny"),
      new PurposeEntry("sale_share", null, "consent", "deny"));

  /**
   * @param subjects subjects indexed (one identifier each)
   * @param rows rows checked per round
   * @param buildSeconds time to fill the index
   * @param consentNsPerRow the gate's cost per row, checking batches of {@value #BATCH} as the runtime does
   *     (best round)
   * @param singleNsPerRow the gate's cost per row, one {@code check} call per row (best round)
   * @param hashSetNsPerRow the baseline's cost per row (best round)
   * @param ratio consent / baseline
   * @param allowed rows the gate allowed in its last round (the baseline must agree)
   */
  public record Result(int subjects, int rows, double buildSeconds, double consentNsPerRow, double singleNsPerRow,
      double hashSetNsPerRow, double ratio, long allowed, double goalNs) {
    public boolean meetsGoal() {
      return consentNsPerRow < goalNs;
    }
  }

  private ConsentBench() {}

  public static void main(String[] args) {
    int subjects = args.length > 0 ? Integer.parseInt(args[0].replace(",", "").replace("_", "")) : 10_000_000;
    Result r = run(subjects, System.err);
    System.out.printf("consent check, %,d subjects: %.1f ns/row in batches of %d (%.1f one by one); "
        + "HashSet.contains: %.1f ns/row; ratio %.2f; goal %s%n", r.subjects(), r.consentNsPerRow(), BATCH,
        r.singleNsPerRow(), r.hashSetNsPerRow(), r.ratio(), r.meetsGoal() ? "met" : "missed");
  }

  /** Builds the index and the baseline for {@code subjects} subjects and times both. */
  public static Result run(int subjects, PrintStream progress) {
    progress.printf("consent bench: indexing %,d subjects...%n", subjects);
    long t0 = System.nanoTime();
    ConsentIndex index = new ConsentIndex();
    index.purposes(PURPOSES);
    for (int s = 1; s <= subjects; s++) {
      index.identifier(Identifiers.key(id(s)), s);
      index.state(s, "analytics", consents(s) ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN);
    }
    double build = (System.nanoTime() - t0) / 1e9;
    Set<String> baseline = new HashSet<>(subjects * 2);
    for (int s = 1; s <= subjects; s++) {
      if (consents(s)) {
        baseline.add(id(s));
      }
    }
    int rows = Math.min(1_000_000, Math.max(10_000, subjects / 10));
    Random random = new Random(42);
    int[] picks = new int[rows];
    for (int i = 0; i < rows; i++) {
      picks[i] = 1 + random.nextInt(subjects + subjects / 9);
    }
    double best = Double.MAX_VALUE;
    double bestSingle = Double.MAX_VALUE;
    double bestBaseline = Double.MAX_VALUE;
    long allowed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String[] batch = fresh(picks);
      long a = CPU.getCurrentThreadCpuTime();
      allowed = batches(index, batch);
      best = Math.min(best, (CPU.getCurrentThreadCpuTime() - a) / (double) rows);
      batch = fresh(picks);
      long c = CPU.getCurrentThreadCpuTime();
      long single = gate(index, batch);
      bestSingle = Math.min(bestSingle, (CPU.getCurrentThreadCpuTime() - c) / (double) rows);
      batch = fresh(picks);
      long b = CPU.getCurrentThreadCpuTime();
      long contained = hashSet(baseline, batch);
      bestBaseline = Math.min(bestBaseline, (CPU.getCurrentThreadCpuTime() - b) / (double) rows);
      if (contained != allowed || single != allowed) {
        throw new IllegalStateException("the gate allowed " + allowed + " rows (" + single
            + " one by one) but the baseline " + contained);
      }
    }
    progress.printf("consent bench: %.1f ns/row in batches, %.1f one by one (HashSet %.1f ns/row)%n", best,
        bestSingle, bestBaseline);
    return new Result(subjects, rows, build, best, bestSingle, bestBaseline, best / bestBaseline, allowed, GOAL_NS);
  }

  private static long batches(ConsentIndex index, String[] rows) {
    long allowed = 0;
    ConsentGate.Verdict[] out = new ConsentGate.Verdict[BATCH];
    for (int from = 0; from < rows.length; from += BATCH) {
      String[] batch = java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + BATCH));
      ConsentGate.Verdict[] verdicts = batch.length == BATCH ? out : new ConsentGate.Verdict[batch.length];
      index.checkAll(batch, Purpose.ANALYTICS, verdicts);
      for (ConsentGate.Verdict v : verdicts) {
        if (v == ConsentGate.Verdict.ALLOW) {
          allowed++;
        }
      }
    }
    return allowed;
  }

  private static long gate(ConsentGate gate, String[] batch) {
    long allowed = 0;
    for (String id : batch) {
      if (gate.check(id, Purpose.ANALYTICS) == ConsentGate.Verdict.ALLOW) {
        allowed++;
      }
    }
    return allowed;
  }

  private static long hashSet(Set<String> set, String[] batch) {
    long allowed = 0;
    for (String id : batch) {
      if (set.contains(id)) {
        allowed++;
      }
    }
    return allowed;
  }

  /** New string objects for the picked subjects, as a source would parse them. */
  private static String[] fresh(int[] picks) {
    String[] out = new String[picks.length];
    for (int i = 0; i < picks.length; i++) {
      out[i] = id(picks[i]);
    }
    return out;
  }

  private static String id(int subject) {
    return "customer-" + subject;
  }

  private static boolean consents(int subject) {
    return subject % 3 != 0;
  }
}
