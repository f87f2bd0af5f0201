package io.cairn.platform.flows;

import io.cairn.catalog.FlowEntry;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.FlowRepository;
import io.cairn.catalog.OffsetRepository;
import io.cairn.catalog.QuarantineRepository;
import io.cairn.catalog.RunEntry;
import io.cairn.catalog.RunRepository;
import io.cairn.catalog.RunState;
import io.cairn.governance.GovernanceHook;
import io.cairn.platform.flows.camel.CairnComponent;
import io.cairn.platform.flows.camel.CairnEndpoint;
import io.cairn.platform.plugins.ExtensionRegistry;
import io.cairn.platform.plugins.PluginUsers;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs flows on one CamelContext. A flow's route is loaded stopped; a run starts it and ends when its
 * bounded source is exhausted (SUCCEEDED), when processing fails (FAILED), or when stopped (STOPPED).
 * Runs left RUNNING by a crash are marked FAILED at start. Mutations of one flow are serialised.
 */
public final class FlowRuntime implements Managed, RunLifecycle, PluginUsers {
  private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);

  private final CamelContext camel;
  private final FlowRepository flows;
  private final RunRepository runsRepo;
  private final QuarantineRepository quarantine;
  private final GovernanceHook governance;
  private final ExtensionRegistry extensions;
  private final RouteValidator validator;
  private final RunRegistry active;
  private final Path home;
  private final String node;
  private volatile java.util.function.UnaryOperator<String> opener = java.util.function.UnaryOperator.identity();
  private final Map<String, String> loadErrors = new ConcurrentHashMap<>();
  private final ExecutorService enders = Executors.newSingleThreadExecutor(r -> daemon(r, "cairn-run-ender"));
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cairn-run-progress"));

  /**
   * Installs the {@code cairn} component (whose endpoints report back to this runtime) and the governance
   * notifier on the context; the context is started by {@link #start()}.
   */
  public FlowRuntime(CamelContext camel, FlowRepository flows, RunRepository runs, QuarantineRepository quarantine,
      OffsetRepository offsets, GovernanceHook governance, ExtensionRegistry extensions, RouteValidator validator,
      Path home, String node, int batchSize) {
    this.camel = camel;
    this.flows = flows;
    this.runsRepo = runs;
    this.quarantine = quarantine;
    this.governance = governance;
    this.extensions = extensions;
    this.validator = validator;
    this.active = new RunRegistry();
    this.home = home;
    this.node = node;
    camel.addComponent("cairn", new CairnComponent(extensions, active, offsets, this, batchSize));
    camel.getManagementStrategy().addEventNotifier(new GovernanceNotifier(active));
  }

  /** How a stored definition becomes the one a route loads (secrets decrypted); identity unless set. */
  public void setDefinitionOpener(java.util.function.UnaryOperator<String> opener) {
    this.opener = opener;
  }

  @Override
  public void start() throws Exception {
    int failed = runsRepo.failInterrupted(node);
    if (failed > 0) {
      LOG.warn("marked {} run(s) FAILED that were in progress when this node stopped unexpectedly", failed);
    }
    camel.start();
    for (FlowEntry f : flows.list()) {
      try {
        load(f.id(), validator.normalise(f.id().value(), opener.apply(f.definition())));
      } catch (RuntimeException e) {
        loadErrors.put(f.id().value(), e.getMessage());
        LOG.warn("flow {} could not be loaded: {}", f.id(), e.getMessage());
      }
    }
    ticker.scheduleWithFixedDelay(this::checkpointAll, 2, 2, TimeUnit.SECONDS);
    for (FlowEntry f : flows.withDesiredState("RUNNING")) {
      try {
        startRun(f.id(), "restore");
      } catch (RuntimeException e) {
        LOG.warn("flow {} could not be restarted: {}", f.id(), e.getMessage());
      }
    }
  }

  @Override
  public void stop() throws Exception {
    // a checkpoint under way writes to the catalog: it ends (uninterrupted) before the runs do and the caller
    // closes the catalog
    ticker.shutdown();
    ticker.awaitTermination(30, TimeUnit.SECONDS);
    for (RunContext run : active.all()) {
      end(run, RunState.STOPPED, null);
    }
    enders.shutdown();
    enders.awaitTermination(30, TimeUnit.SECONDS);
    camel.stop();
  }

  /** Validates a definition and loads it into the context (stopped), replacing the flow's route. */
  public synchronized void deploy(FlowId id, String definition) {
    if (active.forRoute(id.value()).isPresent()) {
      throw new IllegalStateException("flow " + id + " is running; stop it before changing it");
    }
    load(id, validator.normalise(id.value(), definition));
    loadErrors.remove(id.value());
  }

  /** Removes the flow's route from the context. */
  public synchronized void undeploy(FlowId id) {
    if (active.forRoute(id.value()).isPresent()) {
      throw new IllegalStateException("flow " + id + " is running; stop it before deleting it");
    }
    removeRoute(id.value());
    loadErrors.remove(id.value());
  }

  /** Starts a run of the flow. */
  public RunEntry startRun(FlowId id, String trigger) {
    return startRun(id, trigger, UUID.randomUUID().toString(), null);
  }

  /**
   * Starts a run of the flow that reads the replay's records instead of its source (trigger
   * {@code replay}); every step, sink and governance hook of the flow applies to them as to any batch.
   */
  public RunEntry startReplay(FlowId id, String runId, Replay replay) {
    return startRun(id, "replay", runId, replay);
  }

  private synchronized RunEntry startRun(FlowId id, String trigger, String runId, Replay replay) {
    if (active.forRoute(id.value()).isPresent()) {
      throw new IllegalStateException("flow " + id + " is already running");
    }
    FlowEntry flow = flows.find(id).orElseThrow(() -> new IllegalArgumentException("no flow '" + id + "'"));
    if (camel.getRoute(id.value()) == null) {
      load(id, validator.normalise(id.value(), opener.apply(flow.definition())));
      loadErrors.remove(id.value());
    }
    RunEntry entry = runsRepo.start(runId, id, flow.currentVersion(), trigger, node);
    RunContext run = new RunContext(id, runId, flow.runAs(), workDir(id), governance, runsRepo, quarantine,
        replay);
    active.add(run);
    governance.onRunStart(run.scope());
    try {
      camel.getRouteController().startRoute(id.value());
    } catch (Exception e) {
      end(run, RunState.FAILED, e);
      throw new IllegalStateException("flow " + id + " could not start: " + rootMessage(e), e);
    }
    LOG.info("flow {} run {} started ({})", id, runId, trigger);
    return entry;
  }

  /** Stops the flow's run in progress; returns whether there was one. */
  public boolean stopRun(FlowId id) {
    Optional<RunContext> run = active.forRoute(id.value());
    run.ifPresent(r -> end(r, RunState.STOPPED, null));
    return run.isPresent();
  }

  public Optional<RunContext> activeRun(FlowId id) {
    return active.forRoute(id.value());
  }

  /** Why a stored flow could not be loaded, if it could not. */
  public Optional<String> loadError(FlowId id) {
    return Optional.ofNullable(loadErrors.get(id.value()));
  }

  @Override
  public void sourceFinished(RunContext run) {
    enders.submit(() -> end(run, RunState.SUCCEEDED, null));
  }

  @Override
  public void runFailed(RunContext run, Throwable error) {
    LOG.warn("flow {} run {} failed: {}", run.flowId(), run.runId(), rootMessage(error));
    enders.submit(() -> end(run, RunState.FAILED, error));
  }

  @Override
  public Set<String> stopFlowsUsing(String pluginId) {
    Set<String> ids = runningFlowsUsing(pluginId);
    ids.forEach(id -> stopRun(new FlowId(id)));
    return ids;
  }

  @Override
  public void restartFlows(Set<String> flowIds) {
    for (String id : flowIds) {
      try {
        startRun(new FlowId(id), "restart");
      } catch (RuntimeException e) {
        LOG.warn("flow {} could not be restarted after a plugin change: {}", id, e.getMessage());
      }
    }
  }

  @Override
  public Set<String> runningFlowsUsing(String pluginId) {
    Set<String> ids = new LinkedHashSet<>();
    for (RunContext run : active.all()) {
      Route route = camel.getRoute(run.flowId());
      if (route != null && usesPlugin(route, pluginId)) {
        ids.add(run.flowId());
      }
    }
    return ids;
  }

  private boolean usesPlugin(Route route, String pluginId) {
    Set<org.apache.camel.Endpoint> endpoints = new LinkedHashSet<>();
    endpoints.add(route.getEndpoint());
    route.filter("*").forEach(p -> {
      if (p instanceof org.apache.camel.EndpointAware ea) {
        endpoints.add(ea.getEndpoint());
      }
    });
    return endpoints.stream().anyMatch(e -> e instanceof CairnEndpoint ce
        && extensions.pluginOf(ce.kind(), ce.connectorName()).filter(pluginId::equals).isPresent());
  }

  private void end(RunContext run, RunState state, Throwable error) {
    synchronized (run) {
      if (active.forRoute(run.flowId()).filter(r -> r == run).isEmpty()) {
        return;
      }
      try {
        camel.getRouteController().stopRoute(run.flowId(), 30, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("flow {}: stopping its route failed: {}", run.flowId(), e.toString());
      }
      try {
        run.checkpoint();
      } finally {
        run.closeTasks();
        governance.onRunEnd(run.scope(), state.name(), error);
        // leave the registry before the end state is visible, so whoever sees it can start the next run
        active.remove(run);
        runsRepo.finish(run.runId(), state, error == null ? null : rootMessage(error));
        run.replay().ifPresent(r -> r.onEnd().accept(run.runId(), state));
      }
      LOG.info("flow {} run {} {}: {} rows in, {} out, {} quarantined", run.flowId(), run.runId(), state,
          run.rowsIn(), run.rowsOut(), run.rowsQuarantined());
    }
  }

  private void load(FlowId id, String normalised) {
    removeRoute(id.value());
    Resource resource = ResourceHelper.fromString("flow-" + id.value() + ".yaml", normalised);
    try {
      PluginHelper.getRoutesLoader(camel).loadRoutes(resource);
    } catch (Exception e) {
      removeRoute(id.value());
      throw new InvalidRouteException("the route was refused by Camel",
          java.util.List.of(new RouteProblem("$", 0, 0, rootMessage(e))));
    }
    if (camel.getRoute(id.value()) == null) {
      throw new InvalidRouteException("the route did not load", java.util.List.of());
    }
  }

  private void removeRoute(String routeId) {
    try {
      if (camel.getRoute(routeId) != null) {
        camel.getRouteController().stopRoute(routeId);
        camel.removeRoute(routeId);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not remove route " + routeId + ": " + e.getMessage(), e);
    }
  }

  private void checkpointAll() {
    for (RunContext run : active.all()) {
      try {
        run.checkpoint();
      } catch (RuntimeException e) {
        LOG.warn("flow {}: progress not saved: {}", run.flowId(), e.toString());
      }
    }
  }

  private Path workDir(FlowId id) {
    Path dir = home.resolve("flows").resolve(id.value());
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return dir;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    String msg = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        msg = t.getMessage();
      }
    }
    return msg == null ? t.getClass().getSimpleName() : msg;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
