package io.cairn.bench.quality;

import io.cairn.quality.rules.Outcome;
import io.cairn.quality.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 20 rules on 1,000,000 rows (about 1% dirty) in batches of 1,000, as a flow moves them: rows per second of
 * the quality engine ({@link RuleSet}, action warn so every row is checked by every rule) beside a plain Java
 * loop that evaluates the same predicates, best of 7 alternating rounds each, and beside the same checks as one
 * SQL query over the same rows in PostgreSQL (loaded with COPY; best of 3). Run:
 * {@code java -cp <bench classpath> io.cairn.bench.quality.QualityBench [rows] [jdbc-url] [user] [password]}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}).
 *
 * <p>Both sides use identically compiled patterns and the same matching calls ({@code find} for regex rules,
 * {@code matches} for the email format, a new {@code Matcher} per value). The loop only counts violations; the
 * engine also builds each violation with its reason, the kept rows and the batch's metrics, work a flow needs.
 */
public final class QualityBench {
  static final List<String> COLUMNS = List.of("id", "email", "country", "name", "age", "score", "zip", "qty",
      "status", "currency");
  static final String RULES = """
      - {rule: not_null, column: id, action: warn}
      - {rule: not_null, column: email, action: warn}
      - {rule: not_null, column: country, action: warn}
      - {rule: not_null, column: name, action: warn}
      - {rule: not_null, column: qty, action: warn}
      - {rule: unique, column: id, action: warn}
      - {rule: in_set, column: country, values: [FR, DE, ES, IT, GB], action: warn}
      - {rule: in_set, column: status, values: [A, B, C], action: warn}
      - {rule: in_set, column: currency, values: [EUR, USD, GBP], action: warn}
      - {rule: regex, column: email, pattern: "@", action: warn}
      - {rule: regex, column: zip, pattern: "^[0-9]{5}$", action: warn}
      - {rule: regex, column: name, pattern: "^[A-Z]", action: warn}
      - {rule: range, column: age, min: 0, max: 130, action: warn}
      - {rule: range, column: score, min: 0, max: 100, action: warn}
      - {rule: range, column: id, min: 1, max: 1000000000, action: warn}
      - {rule: range, column: qty, min: 0, max: 1000, action: warn}
      - {rule: length, column: name, min: 1, max: 50, action: warn}
      - {rule: length, column: zip, min: 5, max: 5, action: warn}
      - {rule: length, column: email, min: 3, max: 254, action: warn}
      - {rule: format, column: email, format: email, action: warn}
      """;
  private static final int BATCH = 1000;
  private static final int ROUNDS = 7;

  private QualityBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<Object[]> rows = data(n);
    long engineViolations = 0;
    long plainViolations = 0;
    double engineRate = 0;
    double plainRate = 0;
    double engineWall = 0;
    double plainWall = 0;
    // alternate rounds and keep each side's best: the machine is shared, and the first rounds warm the JIT.
    // Rates are per second of this thread's CPU time (a busy machine takes the CPU away between samples), and
    // per second of wall-clock time beside them.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < ROUNDS; round++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      engineViolations = engine(rows);
      long c1 = cpu.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      plainViolations = plain(rows);
      long c2 = cpu.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      engineRate = Math.max(engineRate, n / ((c1 - c0) / 1e9));
      plainRate = Math.max(plainRate, n / ((c2 - c1) / 1e9));
      engineWall = Math.max(engineWall, n / ((t1 - t0) / 1e9));
      plainWall = Math.max(plainWall, n / ((t2 - t1) / 1e9));
    }
    System.out.printf(Locale.ROOT, "quality: 20 rules on %,d rows in batches of %d%n", n, BATCH);
    System.out.printf(Locale.ROOT, "  Cairn rule engine : %,12.0f rows per CPU second, %,12.0f rows/s wall (%d violations)%n",
        engineRate, engineWall, engineViolations);
    System.out.printf(Locale.ROOT, "  plain Java loop   : %,12.0f rows per CPU second, %,12.0f rows/s wall (%d violations)%n",
        plainRate, plainWall, plainViolations);
    System.out.printf(Locale.ROOT, "  ratio             : %.2fx of the plain loop in CPU time, %.2fx wall (goal >= 0.7x)%n",
        engineRate / plainRate, engineWall / plainWall);
    if (engineViolations != plainViolations) {
      throw new IllegalStateException("the engine and the loop disagree: " + engineViolations + " vs " + plainViolations);
    }
    sql(rows, engineWall, engineViolations, args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/test",
        args.length > 2 ? args[2] : "postgres", args.length > 3 ? args[3] : null);
  }

  private static final int SQL_ROUNDS = 3;

  /** The SQL baseline, after the others (its load would disturb them); skipped when PostgreSQL is unreachable. */
  static void sql(List<Object[]> rows, double engineRate, long engineViolations, String url, String user,
      String password) throws Exception {
    SqlBaseline sql = new SqlBaseline(url, user, password);
    try {
      sql.load(rows);
    } catch (java.sql.SQLException e) {
      System.out.printf(Locale.ROOT, "  PostgreSQL SQL    : skipped (%s)%n", e.getMessage());
      return;
    }
    try {
      double best = 0;
      long violations = -1;
      for (int round = 0; round < SQL_ROUNDS; round++) {
        long[] r = sql.check();
        violations = r[0];
        best = Math.max(best, rows.size() / (r[1] / 1e9));
      }
      System.out.printf(Locale.ROOT, "  PostgreSQL SQL    : %,12.0f rows/s (%d violations; one query, loaded with COPY"
          + " beforehand)%n", best, violations);
      System.out.printf(Locale.ROOT, "  engine vs SQL     : %.2fx (wall-clock both)%n", engineRate / best);
      if (violations != engineViolations) {
        throw new IllegalStateException("the engine and SQL disagree: " + engineViolations + " vs " + violations);
      }
    } finally {
      sql.drop();
    }
  }

  static long engine(List<Object[]> rows) {
    RuleSet rules = RuleSet.parse(RULES);
    long violations = 0;
    for (int from = 0; from < rows.size(); from += BATCH) {
      Outcome o = rules.apply(COLUMNS, rows.subList(from, Math.min(rows.size(), from + BATCH)));
      violations += o.warnings().size();
    }
    return violations;
  }

  private static final Pattern AT = Pattern.compile("@");
  private static final Pattern ZIP = Pattern.compile("^[0-9]{5}$");
  private static final Pattern UPPER = Pattern.compile("^[A-Z]");
  private static final Pattern EMAIL = Pattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
          + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
  private static final Set<String> COUNTRIES = Set.of("FR", "DE", "ES", "IT", "GB");
  private static final Set<String> STATUSES = Set.of("A", "B", "C");
  private static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP");

  /** The same 20 predicates, hand-written (unique per batch, as the engine's default). */
  static long plain(List<Object[]> rows) {
    long v = 0;
    Set<Object> ids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      if (i % BATCH == 0) {
        ids.clear();
      }
      Object[] r = rows.get(i);
      String email = (String) r[1];
      String country = (String) r[2];
      String name = (String) r[3];
      Long age = (Long) r[4];
      Double score = (Double) r[5];
      String zip = (String) r[6];
      Long qty = (Long) r[7];
      v += r[0] == null ? 1 : 0;
      v += email == null || email.isBlank() ? 1 : 0;
      v += country == null || country.isBlank() ? 1 : 0;
      v += name == null || name.isBlank() ? 1 : 0;
      v += qty == null ? 1 : 0;
      v += r[0] != null && !ids.add(r[0]) ? 1 : 0;
      v += country != null && !COUNTRIES.contains(country) ? 1 : 0;
      v += r[8] != null && !STATUSES.contains(r[8]) ? 1 : 0;
      v += r[9] != null && !CURRENCIES.contains(r[9]) ? 1 : 0;
      v += email != null && !AT.matcher(email).find() ? 1 : 0;
      v += zip != null && !ZIP.matcher(zip).find() ? 1 : 0;
      v += name != null && !UPPER.matcher(name).find() ? 1 : 0;
      v += age != null && (age < 0 || age > 130) ? 1 : 0;
      v += score != null && (score < 0 || score > 100) ? 1 : 0;
      v += r[0] != null && ((Long) r[0] < 1 || (Long) r[0] > 1_000_000_000L) ? 1 : 0;
      v += qty != null && (qty < 0 || qty > 1000) ? 1 : 0;
      v += name != null && (name.length() < 1 || name.length() > 50) ? 1 : 0;
      v += zip != null && zip.length() != 5 ? 1 : 0;
      v += email != null && (email.length() < 3 || email.length() > 254) ? 1 : 0;
      v += email != null && !EMAIL.matcher(email).matches() ? 1 : 0;
    }
    return v;
  }

  static List<Object[]> data(int n) {
    Random rnd = new Random(7);
    String[] countries = {"FR", "DE", "ES", "IT", "GB", "XX"};
    List<Object[]> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean dirty = rnd.nextInt(100) == 0;
      rows.add(new Object[] {
          dirty && rnd.nextBoolean() ? (long) i : (long) i + 1,
          dirty ? "user" + i + "example.com" : "user" + i + "@example.com",
          countries[dirty ? 5 : rnd.nextInt(5)],
          dirty ? "lower" : "Name" + (i % 1000),
          (long) (dirty ? 150 : rnd.nextInt(100)),
          rnd.nextDouble() * (dirty ? 200 : 100),
          dirty ? "1234" : String.format(Locale.ROOT, "%05d", rnd.nextInt(100_000)),
          dirty ? null : (long) rnd.nextInt(1000),
          "ABC".substring(rnd.nextInt(3)).substring(0, 1),
          dirty ? "JPY" : "EUR"});
    }
    return rows;
  }
}
