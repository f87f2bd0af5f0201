package io.cairn.platform.consent;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.consent.ConsentRepository;
import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.consent.ConsentCapture;
import io.cairn.governance.consent.ConsentGate;
import io.cairn.governance.consent.ConsentHook;
import io.cairn.governance.consent.ConsentIndex;
import io.cairn.governance.consent.ConsentRefresher;
import io.cairn.governance.consent.ConsentService;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Consent wired together: the service over the catalog, the in-memory gate, the refresher that keeps the gate
 * current with the other nodes (managed: started with the server), the hook the runtime calls, the resources.
 * Seeds the configured purposes and loads the gate when built, so flows started at boot are already checked.
 */
public final class ConsentModule implements Managed {
  private final ConsentIndex index = new ConsentIndex();
  private final ConsentService service;
  private final ConsentRefresher refresher;
  private final ConsentHook hook;
  private final ConsentConfig config;

  /**
   * @param reporter receives each batch's consent counts for the run's lineage
   */
  public ConsentModule(CatalogDatabase catalog, ConsentConfig config, AuditLog audit,
      BiConsumer<RunScope, Map<String, Double>> reporter) {
    ConsentRepository repository = new ConsentRepository(catalog);
    this.config = config;
    this.service = new ConsentService(repository, index, config.tcfMapping(), Clock.systemUTC());
    service.seed(config.purposes());
    this.refresher = new ConsentRefresher(repository, index, config.refreshInterval());
    refresher.refresh();
    this.hook = new ConsentHook(index, audit, reporter);
  }

  @Override
  public void start() {
    refresher.start();
  }

  @Override
  public void stop() {
    refresher.stop();
  }

  public ConsentService service() {
    return service;
  }

  /** What the runtime, exports and training ask. */
  public ConsentGate gate() {
    return index;
  }

  /** What the HTTP collector calls for every accepted event. */
  public ConsentCapture capture() {
    return service;
  }

  public GovernanceHook hook() {
    return hook;
  }

  public ConsentResource resource() {
    return new ConsentResource(service);
  }

  public GpcResource gpcResource() {
    return new GpcResource(config.gpcLastUpdate());
  }
}
