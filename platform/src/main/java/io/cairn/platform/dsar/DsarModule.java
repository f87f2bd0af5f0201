package io.cairn.platform.dsar;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.erasure.DsarRepository;
import io.cairn.catalog.erasure.ErasureRepository;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.erasure.BundleCipher;
import io.cairn.governance.erasure.DatasetIdentifierResolver;
import io.cairn.governance.erasure.ErasureConnection;
import io.cairn.governance.erasure.ErasureHook;
import io.cairn.governance.erasure.ErasureService;
import io.cairn.governance.erasure.ErasureTargets;
import io.cairn.governance.erasure.IdentifierResolver;
import io.cairn.governance.erasure.SubjectHasher;
import io.cairn.governance.erasure.SubjectInfoSource;
import io.cairn.governance.keys.ManagedKey;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.cairn.catalog.QuarantineReviewRepository;
import io.cairn.governance.erasure.QuarantinedPersonRecords;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Erasure and access requests wired together: the erasure key, the configured connections, the service, and
 * the small executor requests run on. Managed: at start it records the reachable namespaces and fails the
 * requests a stopped server left unfinished (their identifiers were only in memory); at stop it lets running
 * requests end.
 */
public final class DsarModule implements Managed {
  static final String KEY_PURPOSE = "erasure";
  private final DsarRepository requests;
  private final ErasureRepository erasure;
  private final ErasureTargets targets;
  private final ErasureService service;
  private final ExecutorService executor;

  /**
   * @param node this server node's name: a restart fails only the requests this node left unfinished
   * @param resolvers identifier resolvers run after the datasets' own (e.g. the identity graph, consent subjects)
   * @param infoSources what else access bundles include (e.g. consent, profiles)
   */
  public DsarModule(CatalogDatabase catalog, ErasureConfig config, Path home, String node, AuditLog audit,
      List<IdentifierResolver> resolvers, List<SubjectInfoSource> infoSources) {
    ManagedKey key = key(config, home);
    this.requests = new DsarRepository(catalog, node);
    this.erasure = new ErasureRepository(catalog);
    this.targets = new ErasureTargets(config.connections().stream()
        .map(c -> new ErasureConnection(c.namespace(), c.url(), c.user(), c.password())).toList());
    List<IdentifierResolver> all = new ArrayList<>(resolvers);
    all.add(0, new DatasetIdentifierResolver(erasure, targets));
    this.service = new ErasureService(requests, erasure, new LineageQueries(catalog), targets,
        IdentifierResolver.compose(all), infoSources,
        List.of(new QuarantinedPersonRecords(new QuarantineReviewRepository(catalog))), new SubjectHasher(key),
        new BundleCipher(key), audit);
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "dsar-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The governance hook that learns subject columns and drops erased people at every source. */
  public static ErasureHook hook(CatalogDatabase catalog, ErasureConfig config, Path home) {
    return new ErasureHook(new ErasureRepository(catalog), new SubjectHasher(key(config, home)),
        config.tombstoneCheckSeconds() * 1000L);
  }

  private static ManagedKey key(ErasureConfig config, Path home) {
    return ManagedKey.load(KEY_PURPOSE, config.key(), home.resolve("keys"));
  }

  public DsarResource resource() {
    return new DsarResource(new DsarRequests(requests, service, executor), erasure);
  }

  public ErasureService service() {
    return service;
  }

  @Override
  public void start() {
    targets.connections().forEach(c -> erasure.recordConnection(c.namespace(), c.url().replaceAll(
        "(?i)password=[^&;]*", "password=******"), c.user()));
    requests.failUnfinished("the server stopped while the request ran; submit it again");
  }

  @Override
  public void stop() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(30, TimeUnit.SECONDS);
  }
}
