package io.cairn.platform.profiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.cairn.catalog.identity.GraphSettings;
import io.cairn.catalog.identity.IdentityGraphRepository;
import java.time.Duration;
import java.util.function.Function;

/**
 * The identity graphs of this server, each loaded from the catalog when first used and shared by the flows
 * that feed it and the stewards who split or erase profiles in it. A graph holds every record in memory, so
 * graphs nobody used for {@code idle} are evicted (and graphs beyond {@code maxOpen}, least recently used
 * first); the next use reloads the graph from the catalog, where every change was saved, with the same
 * profile ids and links. Thread-safe.
 */
public final class IdentityGraphs {
  /** How long an unused graph stays in memory unless configured otherwise. */
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
  /** How many graphs stay in memory at most unless configured otherwise. */
  public static final int DEFAULT_MAX_OPEN = 8;

  private final IdentityGraphRepository repository;
  private final Cache<String, PersistentGraph> open;

  /** Graphs evicted after {@link #DEFAULT_IDLE} unused, at most {@link #DEFAULT_MAX_OPEN} in memory. */
  public IdentityGraphs(IdentityGraphRepository repository) {
    this(repository, DEFAULT_IDLE, DEFAULT_MAX_OPEN);
  }

  /**
   * @param idle how long a graph nobody uses stays in memory
   * @param maxOpen how many graphs stay in memory at most
   * @throws IllegalArgumentException when idle is not positive or maxOpen is below 1
   */
  public IdentityGraphs(IdentityGraphRepository repository, Duration idle, int maxOpen) {
    if (idle.isNegative() || idle.isZero() || maxOpen < 1) {
      throw new IllegalArgumentException("identity graphs need a positive idle time and maxOpen of at least 1, not "
          + idle + " and " + maxOpen);
    }
    this.repository = repository;
    this.open = Caffeine.newBuilder()
        .expireAfterAccess(idle)
        .maximumSize(maxOpen)
        .executor(Runnable::run)
        .scheduler(Scheduler.systemScheduler())
        .evictionListener((String name, PersistentGraph g, RemovalCause cause) -> g.close())
        .build();
  }

  public IdentityGraphRepository repository() {
    return repository;
  }

  /** How many graphs are in memory now (after evicting those due). */
  public long loaded() {
    open.cleanUp();
    return open.estimatedSize();
  }

  /**
   * Runs {@code op} on the graph for a step with these settings: loaded when first asked for, reloaded (and
   * its links and profiles recomputed) when the settings changed or it was evicted meanwhile.
   */
  <T> T with(GraphSettings settings, Function<PersistentGraph, T> op) {
    while (true) {
      PersistentGraph g = open.asMap().compute(settings.graph(), (name, old) -> {
        if (old != null && old.settings().equals(settings)) {
          return old;
        }
        if (old != null) {
          old.close();
        }
        repository.saveSettings(settings);
        return PersistentGraph.open(settings, repository);
      });
      try {
        return op.apply(g);
      } catch (PersistentGraph.Evicted e) {
        // evicted between lookup and use: load it again
      }
    }
  }

  /**
   * Runs {@code op} on a graph a flow has saved, with its stored settings.
   *
   * @throws IllegalArgumentException when no graph of that name was ever saved
   */
  <T> T withExisting(String name, Function<PersistentGraph, T> op) {
    while (true) {
      PersistentGraph g = open.get(name, n -> PersistentGraph.open(repository.settings(n)
          .orElseThrow(() -> new IllegalArgumentException("no identity graph '" + n + "'")), repository));
      try {
        return op.apply(g);
      } catch (PersistentGraph.Evicted e) {
        // evicted between lookup and use: load it again
      }
    }
  }
}
