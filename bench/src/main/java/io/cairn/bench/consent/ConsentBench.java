package io.cairn.bench.consent;

import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.governance.consent.ConsentGate;
import io.cairn.governance.consent.ConsentIndex;
import io.cairn.governance.consent.ConsentStatus;
import io.cairn.governance.consent.Identifiers;
import io.cairn.spi.Purpose;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The consent check the runtime makes per row ({@link ConsentIndex#check}) with {@code subjects} subjects
 * indexed, beside the cheapest thinkable check: {@code HashSet<String>.contains} over the identifiers of the
 * subjects that consented. Rows are fresh strings (as parsed from a source, hash not cached), 90% known subjects
 * and 10% unknown, in random order; best of 7 alternating rounds each. Goal: under 200 ns per row.
 * Run alone: {@code java -Xmx4g -cp <bench classpath> io.cairn.bench.consent.ConsentBench [subjects]}.
 */
public final class ConsentBench {
  /** The goal per row, in nanoseconds. */
  public static final double GOAL_NS = 200;
  private static final int ROUNDS = 7;
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
   * @param consentNsPerRow the gate's cost per row (best round)
   * @param hashSetNsPerRow the baseline's cost per row (best round)
   * @param ratio consent / baseline
   * @param allowed rows the gate allowed in its last round (the baseline must agree)
   */
  public record Result(int subjects, int rows, double buildSeconds, double consentNsPerRow, double hashSetNsPerRow,
      double ratio, long allowed, double goalNs) {
    public boolean meetsGoal() {
      return consentNsPerRow < goalNs;
    }
  }

  private ConsentBench() {}

  public static void main(String[] args) {
    int subjects = args.length > 0 ? Integer.parseInt(args[0].replace(",", "").replace("_", "")) : 10_000_000;
    Result r = run(subjects, System.err);
    System.out.printf("consent check, %,d subjects: %.1f ns/row; HashSet.contains: %.1f ns/row; ratio %.2f; goal %s%n",
        r.subjects(), r.consentNsPerRow(), r.hashSetNsPerRow(), r.ratio(), r.meetsGoal() ? "met" : "missed");
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
    double bestBaseline = Double.MAX_VALUE;
    long allowed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String[] batch = fresh(picks);
      long a = System.nanoTime();
      allowed = gate(index, batch);
      best = Math.min(best, (System.nanoTime() - a) / (double) rows);
      batch = fresh(picks);
      long b = System.nanoTime();
      long contained = hashSet(baseline, batch);
      bestBaseline = Math.min(bestBaseline, (System.nanoTime() - b) / (double) rows);
      if (contained != allowed) {
        throw new IllegalStateException("the gate allowed " + allowed + " rows but the baseline " + contained);
      }
    }
    progress.printf("consent bench: %.1f ns/row (HashSet %.1f ns/row)%n", best, bestBaseline);
    return new Result(subjects, rows, build, best, bestBaseline, best / bestBaseline, allowed, GOAL_NS);
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
