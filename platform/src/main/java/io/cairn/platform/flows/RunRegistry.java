package io.cairn.platform.flows;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The runs in progress in this process, by flow id (a flow has at most one run at a time). */
public final class RunRegistry {
  private final ConcurrentHashMap<String, RunContext> byFlow = new ConcurrentHashMap<>();

  /** The run in progress of the flow whose route has this id. */
  public Optional<RunContext> forRoute(String routeId) {
    return routeId == null ? Optional.empty() : Optional.ofNullable(byFlow.get(routeId));
  }

  boolean add(RunContext run) {
    return byFlow.putIfAbsent(run.flowId(), run) == null;
  }

  void remove(RunContext run) {
    byFlow.remove(run.flowId(), run);
  }

  public Collection<RunContext> all() {
    return byFlow.values();
  }
}
