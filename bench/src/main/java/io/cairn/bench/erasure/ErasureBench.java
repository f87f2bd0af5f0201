package io.cairn.bench.erasure;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.erasure.DsarRepository;
import io.cairn.catalog.erasure.ErasureRepository;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.lineage.LineageRepository;
import io.cairn.catalog.lineage.LineageWrite;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.erasure.BundleCipher;
import io.cairn.governance.erasure.DatasetIdentifierResolver;
import io.cairn.governance.erasure.DsarType;
import io.cairn.governance.erasure.ErasureConnection;
import io.cairn.governance.erasure.ErasureService;
import io.cairn.governance.erasure.ErasureTargets;
import io.cairn.governance.erasure.Identifier;
import io.cairn.governance.erasure.SubjectHasher;
import io.cairn.governance.keys.ManagedKey;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Time to erase one person across a chain of derived PostgreSQL tables holding 10 million rows in total (goal:
 * under 5 s), beside the same DELETEs issued directly over JDBC, alternating rounds in one run. Cairn's figure
 * is a whole erasure request: identifier resolution, finding the tables that hold the person, the lineage walk
 * to every derived table, the tombstone, one transaction per table, steps and the proof in the audit chain.
 * A first, cold round (class loading, JIT) is reported on its own line; then rounds alternate both sides.
 * Run: {@code java -cp <bench classpath> io.cairn.bench.erasure.ErasureBench [rows] [jdbc:postgresql://host:port/]}.
 */
public final class ErasureBench {
  static final int ROUNDS = 7;

  private ErasureBench() {}

  /**
   * One run's figures in milliseconds.
   *
   * @param coldMillis the first Cairn erasure of the JVM (class loading, JIT), not among {@code cairnMillis}
   */
  record Result(long totalRows, double coldMillis, List<Double> cairnMillis, List<Double> directMillis,
      long rowsPerErasure) {
    static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace(",", "").replace("_", "")) : 10_000_000L;
    String server = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/";
    Result r = run(new ErasureData(server, "cairn_bench_erasure", "postgres", rows), ROUNDS);
    System.out.printf(Locale.ROOT, "erasure: one person across %d derived PostgreSQL tables, %,d rows in total "
        + "(subject column indexed), %d rounds%n", ErasureData.LEVELS, r.totalRows(), ROUNDS);
    System.out.printf(Locale.ROOT, "  Cairn erasure request : median %8.1f ms, worst %8.1f ms (%d rows erased each)%n",
        Result.median(r.cairnMillis()), max(r.cairnMillis()), r.rowsPerErasure());
    System.out.printf(Locale.ROOT, "  direct JDBC DELETEs   : median %8.1f ms, worst %8.1f ms%n",
        Result.median(r.directMillis()), max(r.directMillis()));
    System.out.printf(Locale.ROOT, "  first Cairn erasure of the JVM (cold): %.1f ms%n", r.coldMillis());
    System.out.printf(Locale.ROOT, "  goal < 5,000 ms per erasure: %s%n",
        Math.max(r.coldMillis(), max(r.cairnMillis())) < 5000 ? "met" : "NOT met");
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  /** Prepares the data and the catalog, then alternates a Cairn erasure and the direct DELETEs. */
  static Result run(ErasureData data, int rounds) throws Exception {
    long total = data.prepare();
    ErasureService service = service(data);
    Random random = new Random(42);
    List<Double> cairn = new ArrayList<>();
    List<Double> direct = new ArrayList<>();
    long perPerson = 0;
    double cold = 0;
    for (int round = 0; round <= rounds; round++) {
      long a = 1 + (long) (random.nextDouble() * data.people());
      long b = 1 + (long) (random.nextDouble() * data.people());
      data.restore(a);
      data.restore(b);
      perPerson = data.rowsOf(a).stream().mapToLong(Long::longValue).sum();
      List<Identifier> ids = List.of(new Identifier("customer_id", Long.toString(a)));
      long t0 = System.nanoTime();
      var request = service.submit(DsarType.ERASURE, ids, "benchmark", "bench");
      var outcome = service.run(request.id(), DsarType.ERASURE, ids, "bench");
      long t1 = System.nanoTime();
      long deleted = data.deleteDirectly(b);
      long t2 = System.nanoTime();
      check(outcome.complete() && data.rowsOf(a).stream().allMatch(n -> n == 0), "Cairn left rows of the person");
      check(deleted == perPerson && data.rowsOf(b).stream().allMatch(n -> n == 0), "the DELETEs left rows");
      check(outcome.steps().size() == ErasureData.LEVELS, "Cairn reached " + outcome.steps().size() + " tables");
      if (round == 0) {
        cold = (t1 - t0) / 1e6;
        continue;
      }
      cairn.add((t1 - t0) / 1e6);
      direct.add((t2 - t1) / 1e6);
    }
    return new Result(total, cold, cairn, direct, perPerson);
  }

  private static void check(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalStateException(problem);
    }
  }

  /** An in-memory catalog that knows the chain's lineage and subject columns, and the service on it. */
  private static ErasureService service(ErasureData data) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:erasure-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + CatalogDatabase.H2_OPTIONS);
    CatalogDatabase catalog = new CatalogDatabase(h2);
    catalog.migrate();
    String namespace;
    String database;
    try (var c = data.connect()) {
      var url = new java.net.URI(c.getMetaData().getURL().substring("jdbc:".length()));
      namespace = "postgres://" + url.getHost() + ":" + (url.getPort() < 0 ? 5432 : url.getPort());
      database = c.getCatalog();
    }
    ErasureRepository erasure = new ErasureRepository(catalog);
    LineageRepository lineage = new LineageRepository(catalog);
    for (int level = 0; level < ErasureData.LEVELS; level++) {
      String name = database + ".public." + ErasureData.table(level);
      erasure.learnSubjectColumn(namespace, name, "customer_id", "flow:bench");
      if (level > 0) {
        String from = database + ".public." + ErasureData.table(level - 1);
        lineage.store(new LineageWrite("RUN", "COMPLETE", OffsetDateTime.now(), "bench", "{}",
            new LineageWrite.JobRef("bench", "derive-" + level, null), new LineageWrite.RunInfo(
                UUID.randomUUID().toString(), null, "COMPLETE", null),
            List.of(new LineageWrite.DatasetIo(namespace, from, "INPUT", null),
                new LineageWrite.DatasetIo(namespace, name, "OUTPUT", null)), List.of()));
      }
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    ManagedKey key = ManagedKey.of("erasure", secret);
    ErasureTargets targets = new ErasureTargets(List.of(new ErasureConnection(namespace,
        data.url().substring(0, data.url().lastIndexOf('/') + 1) + "postgres", "postgres", "")));
    return new ErasureService(new DsarRepository(catalog, "bench"), erasure, new LineageQueries(catalog), targets,
        new DatasetIdentifierResolver(erasure, targets), List.of(), List.of(), new SubjectHasher(key),
        new BundleCipher(key),
        new AuditLog(new AuditRepository(catalog), ManagedKey.of("audit", secret), 100));
  }
}
