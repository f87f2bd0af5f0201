package io.cairn.platform.profiles;

import io.cairn.catalog.identity.GraphSettings;
import io.cairn.catalog.identity.IdentityGraphRepository;
import java.util.HashMap;
import java.util.Map;

/**
 * The identity graphs of this server, each loaded from the catalog once and shared by the flows that feed it
 * and the stewards who split or erase profiles in it. Thread-safe.
 */
public final class IdentityGraphs {
  private final IdentityGraphRepository repository;
  private final Map<String, PersistentGraph> open = new HashMap<>();

  public IdentityGraphs(IdentityGraphRepository repository) {
    this.repository = repository;
  }

  public IdentityGraphRepository repository() {
    return repository;
  }

  /**
   * The graph for a step with these settings: loaded when first asked for, reloaded (and its links and
   * profiles recomputed) when the settings changed.
   */
  synchronized PersistentGraph open(GraphSettings settings) {
    PersistentGraph g = open.get(settings.graph());
    if (g == null || !g.settings().equals(settings)) {
      repository.saveSettings(settings);
      g = PersistentGraph.open(settings, repository);
      open.put(settings.graph(), g);
    }
    return g;
  }

  /**
   * A graph a flow has saved, with its stored settings.
   *
   * @throws IllegalArgumentException when no graph of that name was ever saved
   */
  synchronized PersistentGraph existing(String name) {
    PersistentGraph g = open.get(name);
    if (g == null) {
      GraphSettings settings = repository.settings(name)
          .orElseThrow(() -> new IllegalArgumentException("no identity graph '" + name + "'"));
      g = PersistentGraph.open(settings, repository);
      open.put(name, g);
    }
    return g;
  }
}
