package io.cairn.platform.profiles;

import io.cairn.catalog.identity.GraphChange;
import io.cairn.catalog.identity.GraphSettings;
import io.cairn.catalog.identity.IdentityGraphRepository;
import io.cairn.catalog.identity.IdentitySnapshot;
import io.cairn.catalog.identity.StoredLink;
import io.cairn.catalog.identity.StoredRecord;
import io.cairn.profiles.identity.FuzzyRule;
import io.cairn.profiles.identity.IdentifierType;
import io.cairn.profiles.identity.IdentityGraph;
import io.cairn.profiles.identity.IdentityRecord;
import io.cairn.profiles.identity.Link;
import io.cairn.profiles.identity.MatchRule;
import io.cairn.profiles.identity.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One identity graph kept in memory and in the catalog: every change (a batch, a split, an erasure) is
 * saved before the call returns, so a restart (or a reload after {@link IdentityGraphs} evicted it) rebuilds
 * the same profiles with the same ids. Thread-safe: every method holds this graph's lock. Once {@link #close}d
 * (evicted) every change throws {@link Evicted}, so nothing is changed in a copy that is no longer shared.
 */
final class PersistentGraph {
  private final GraphSettings settings;
  private final IdentityGraphRepository repository;
  private final IdentityGraph graph;
  private final Map<String, String> saved = new HashMap<>();
  private int savedLinks;
  private boolean closed;

  /** Thrown by a graph that was evicted from memory; load it again. */
  static final class Evicted extends IllegalStateException {
    Evicted(String graph) {
      super("identity graph '" + graph + "' was evicted from memory");
    }
  }

  /**
   * What linking a batch did.
   *
   * @param links the links made for the batch
   * @param profileIds every record of the batch's profile id, by record id
   */
  record Added(List<Link> links, Map<String, String> profileIds) {}

  private PersistentGraph(GraphSettings settings, IdentityGraphRepository repository) {
    this.settings = settings;
    this.repository = repository;
    FuzzyRule fuzzy = settings.fuzzyThreshold() == null ? null
        : FuzzyRule.defaults().withThreshold(settings.fuzzyThreshold());
    this.graph = new IdentityGraph(MatchRule.parseAll(settings.rules()), fuzzy, new Normalizer(settings.region()));
  }

  /** Loads a graph from the catalog (empty when never saved) and brings the stored profile ids up to date. */
  static PersistentGraph open(GraphSettings settings, IdentityGraphRepository repository) {
    PersistentGraph g = new PersistentGraph(settings, repository);
    IdentitySnapshot snap = repository.load(settings.graph());
    g.graph.restore(snap.records().stream().map(PersistentGraph::record).toList(), snap.splits(), snap.tombstones());
    snap.records().forEach(r -> g.saved.put(r.recordId(), r.profileId()));
    g.save(List.of(), true);
    return g;
  }

  GraphSettings settings() {
    return settings;
  }

  /** Links a batch into the graph and saves it; returns the links made for it and its records' profile ids. */
  synchronized Added add(List<IdentityRecord> batch) {
    live();
    List<Link> made = graph.add(batch);
    boolean replace = graph.links().size() != savedLinks + made.size();
    save(batch, replace);
    Map<String, String> ids = new HashMap<>();
    batch.forEach(r -> ids.put(r.recordId(), graph.profileId(r.recordId())));
    return new Added(made, ids);
  }

  /** Drops this copy (the catalog keeps the graph); waits for a change under way to finish. */
  synchronized void close() {
    closed = true;
  }

  /** Every record's profile id, by record id (for checks after a reload). */
  synchronized Map<String, String> profileIds() {
    live();
    return graph.profileIds();
  }

  /** Every link, in the order made. */
  synchronized List<Link> links() {
    live();
    return graph.links();
  }

  private void live() {
    if (closed) {
      throw new Evicted(settings.graph());
    }
  }

  /**
   * Takes a record out of its profile, for good, and saves the split.
   *
   * @return the record's profile id afterwards
   * @throws IllegalArgumentException when the record is not in the graph
   */
  synchronized String split(String recordId, String by) {
    live();
    String after = graph.split(recordId);
    repository.addSplits(settings.graph(), graph.splitPairs(), by);
    save(List.of(), true);
    return after;
  }

  /**
   * Erases a profile: its records are deleted from the catalog and its identifiers never link again.
   *
   * @return the ids of the erased records
   * @throws IllegalArgumentException when there is no such profile
   */
  synchronized List<String> erase(String profileId) {
    live();
    List<String> gone = graph.erase(profileId);
    repository.erase(settings.graph(), gone, graph.tombstones());
    gone.forEach(saved::remove);
    save(List.of(), true);
    return gone;
  }

  private void save(List<IdentityRecord> batch, boolean replaceLinks) {
    Map<String, String> now = graph.profileIds();
    List<StoredRecord> records = new ArrayList<>();
    Map<String, IdentityRecord> latest = new LinkedHashMap<>();
    batch.forEach(r -> latest.put(r.recordId(), r));
    latest.values().forEach(r -> records.add(stored(r, now.get(r.recordId()))));
    Map<String, String> changed = new HashMap<>();
    now.forEach((record, profile) -> {
      String before = saved.put(record, profile);
      if (before != null && !before.equals(profile) && !latest.containsKey(record)) {
        changed.put(record, profile);
      }
    });
    List<Link> all = graph.links();
    List<Link> links = replaceLinks ? all : all.subList(savedLinks, all.size());
    repository.save(settings.graph(), new GraphChange(records, changed, links.stream()
        .map(l -> new StoredLink(l.from(), l.to(), l.rule(), l.evidence(), l.score())).toList(), replaceLinks));
    savedLinks = all.size();
  }

  private static StoredRecord stored(IdentityRecord r, String profileId) {
    Map<String, String> ids = new LinkedHashMap<>();
    r.identifiers().forEach((type, value) -> ids.put(type.configName(), value));
    return new StoredRecord(r.recordId(), r.source(), r.seenAt(), ids, r.attributes(), profileId);
  }

  private static IdentityRecord record(StoredRecord r) {
    Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
    r.identifiers().forEach((type, value) -> ids.put(IdentifierType.parse(type), value));
    return new IdentityRecord(r.recordId(), r.source(), r.seenAt(), ids, r.attributes());
  }
}
