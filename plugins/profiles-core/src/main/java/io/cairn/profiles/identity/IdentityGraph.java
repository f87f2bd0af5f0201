package io.cairn.profiles.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The identity graph: records linked by {@link MatchRule}s and an optional {@link FuzzyRule} into profiles,
 * incrementally as batches arrive (union-find). Every link is kept with its explanation.
 *
 * <p>A profile's id is derived from its oldest record's id, so a profile keeps its id when newer records
 * join it and when a merge is undone; when two profiles merge, the older one's id survives. A steward can
 * {@link #split} a record out of its profile (it will not be linked to those records again) and {@link
 * #erase} a profile: its identifiers go on a tombstone list and never link anything again.
 *
 * <p>Not thread-safe: one writer at a time.
 */
public final class IdentityGraph {
  private final List<MatchRule> rules;
  private final FuzzyRule fuzzy;
  private final Normalizer normalizer;

  private final List<IdentityRecord> records = new ArrayList<>();
  private final KeyIndex byId = new KeyIndex();
  private final BitSet erased = new BitSet();
  private final Set<String> tombstones = new HashSet<>();
  private final Map<Integer, Set<Integer>> cannotLink = new HashMap<>();

  private Derived state;

  /**
   * @param rules deterministic rules, tried in order
   * @param fuzzy fuzzy matching, or null for none
   * @param normalizer how identifiers are normalised
   */
  public IdentityGraph(List<MatchRule> rules, FuzzyRule fuzzy, Normalizer normalizer) {
    this.rules = List.copyOf(rules);
    this.fuzzy = fuzzy;
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    if (this.rules.isEmpty() && fuzzy == null) {
      throw new IllegalArgumentException("identity resolution needs at least one match rule or fuzzy matching");
    }
    this.state = new Derived();
  }

  /**
   * Adds a batch and links it into the graph. A record whose id is already known replaces the earlier
   * version (re-delivery of an unchanged record changes nothing).
   *
   * @return the links made for this batch
   */
  public List<Link> add(Collection<IdentityRecord> batch) {
    int before = state.links.size();
    boolean replaced = false;
    for (IdentityRecord r : batch) {
      int idx = records.size();
      int known = byId.putIfAbsent(r.recordId(), idx);
      if (known == KeyIndex.ABSENT) {
        records.add(r);
        state.resolve(idx);
      } else if (!records.get(known).equals(r)) {
        records.set(known, r);
        replaced = true;
      }
    }
    if (replaced) {
      rebuild();
      return List.copyOf(state.links);
    }
    return List.copyOf(state.links.subList(before, state.links.size()));
  }

  /** The profile id of a record. */
  public String profileId(String recordId) {
    int idx = index(recordId);
    return idOf(records.get(state.set.oldest(idx)).recordId());
  }

  /** Every profile: its id and its records' ids, oldest first. Erased records are not in any profile. */
  public Map<String, List<String>> profiles() {
    Map<Integer, List<String>> byRoot = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      if (!erased.get(i)) {
        byRoot.computeIfAbsent(state.set.oldest(i), k -> new ArrayList<>()).add(records.get(i).recordId());
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    byRoot.forEach((oldest, ids) -> out.put(idOf(records.get(oldest).recordId()), List.copyOf(ids)));
    return out;
  }

  /** The records of one profile. */
  public List<IdentityRecord> records(String profileId) {
    List<String> ids = profiles().get(profileId);
    if (ids == null) {
      throw new IllegalArgumentException("no profile '" + profileId + "'");
    }
    return ids.stream().map(id -> records.get(byId.get(id))).toList();
  }

  /** Why the records of a profile belong together: every link between them. */
  public List<Link> explain(String profileId) {
    Set<String> members = new HashSet<>();
    records(profileId).forEach(r -> members.add(r.recordId()));
    return state.links.stream().filter(l -> members.contains(l.from())).toList();
  }

  /** Every link, in the order made. */
  public List<Link> links() {
    return List.copyOf(state.links);
  }

  /**
   * Takes a record out of its profile (undoes the merge a steward judged wrong). The record is never linked
   * with the other records of that profile again; they stay together when other links join them.
   *
   * @return the record's profile id after the split
   */
  public String split(String recordId) {
    int idx = index(recordId);
    int root = state.set.find(idx);
    for (int i = 0; i < records.size(); i++) {
      if (i != idx && state.set.find(i) == root) {
        cannotLink.computeIfAbsent(idx, k -> new HashSet<>()).add(i);
        cannotLink.computeIfAbsent(i, k -> new HashSet<>()).add(idx);
      }
    }
    rebuild();
    return profileId(recordId);
  }

  /**
   * Erases a profile: its records leave the graph and every identifier they carried goes on the tombstone
   * list, so records that arrive later with those identifiers are not linked through them.
   *
   * @return the ids of the erased records
   */
  public List<String> erase(String profileId) {
    List<IdentityRecord> gone = records(profileId);
    for (IdentityRecord r : gone) {
      r.identifiers().forEach((type, raw) -> {
        String v = normalizer.normalise(type, raw);
        if (v != null) {
          tombstones.add(ResolvedRecord.tombstone(type, v));
        }
      });
      erased.set(byId.get(r.recordId()));
    }
    rebuild();
    return gone.stream().map(IdentityRecord::recordId).toList();
  }

  /**
   * Every record's profile id, by record id, in arrival order (erased records left out). One pass over the
   * graph; for saving the graph's state after a batch.
   */
  public Map<String, String> profileIds() {
    Map<Integer, String> names = new HashMap<>();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      if (!erased.get(i)) {
        int oldest = state.set.oldest(i);
        out.put(records.get(i).recordId(), names.computeIfAbsent(oldest, o -> idOf(records.get(o).recordId())));
      }
    }
    return out;
  }

  /** The records still in the graph (erased ones left out), in arrival order. */
  public List<IdentityRecord> records() {
    List<IdentityRecord> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (!erased.get(i)) {
        out.add(records.get(i));
      }
    }
    return out;
  }

  /**
   * The pairs of records a steward split apart ({@link #split}), each as two record ids, the earlier first;
   * pairs with an erased record are left out.
   */
  public List<List<String>> splitPairs() {
    List<List<String>> out = new ArrayList<>();
    cannotLink.forEach((a, others) -> others.stream().filter(b -> a < b && !erased.get(a) && !erased.get(b))
        .sorted().forEach(b -> out.add(List.of(records.get(a).recordId(), records.get(b).recordId()))));
    return out;
  }

  /**
   * The tombstones of erased identifiers: SHA-256 hex digests of {@code type:normalised value}, so the
   * list holds no identifier in the clear.
   */
  public Set<String> tombstones() {
    return Set.copyOf(tombstones);
  }

  /**
   * Restores a graph saved earlier into this empty graph: its records in arrival order, the pairs a steward
   * split apart (from {@link #splitPairs}) and the tombstones (from {@link #tombstones}). Links and profile
   * ids come out as they were, since both follow from these and the rules.
   *
   * @throws IllegalStateException when this graph already has records
   * @throws IllegalArgumentException when a split pair names an unknown record
   */
  public void restore(List<IdentityRecord> saved, Collection<List<String>> splitPairs, Set<String> erasedHashes) {
    if (!records.isEmpty()) {
      throw new IllegalStateException("restore needs an empty identity graph");
    }
    tombstones.addAll(erasedHashes);
    for (IdentityRecord r : saved) {
      byId.put(r.recordId(), records.size());
      records.add(r);
    }
    for (List<String> pair : splitPairs) {
      int a = index(pair.get(0));
      int b = index(pair.get(1));
      cannotLink.computeIfAbsent(a, k -> new HashSet<>()).add(b);
      cannotLink.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    }
    rebuild();
  }

  /** The number of records, erased ones included. */
  public int recordCount() {
    return records.size();
  }

  /** The profile id a record id names when it is the oldest record: {@code P-} and 16 hex digits of its SHA-256. */
  public static String idOf(String oldestRecordId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(oldestRecordId.getBytes(StandardCharsets.UTF_8));
      return "P-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private int index(String recordId) {
    int idx = byId.get(recordId);
    if (idx == KeyIndex.ABSENT || erased.get(idx)) {
      throw new IllegalArgumentException("no record '" + recordId + "' in the identity graph");
    }
    return idx;
  }

  private void rebuild() {
    state = new Derived();
    for (int i = 0; i < records.size(); i++) {
      if (erased.get(i)) {
        state.set.add();
      } else {
        state.resolve(i);
      }
    }
  }

  /**
   * What is derived from the records and can be rebuilt from them: the union-find, indexes and links. Each
   * rule has its own key index (normalised value to the first record with it), so keys need no rule prefix.
   */
  private final class Derived {
    final DisjointSet set = new DisjointSet();
    final List<KeyIndex> keys = new ArrayList<>();
    final Map<String, List<Integer>> blocks = new HashMap<>();
    final List<Link> links = new ArrayList<>();
    final Map<Integer, ResolvedRecord> blocked = new HashMap<>();
    /** The records the record being resolved was linked to so far (a pair is linked once). */
    private int[] linkedTo = new int[4];
    private int linkedCount;

    Derived() {
      rules.forEach(r -> keys.add(new KeyIndex()));
    }

    void resolve(int idx) {
      if (set.add() != idx) {
        throw new IllegalStateException("identity graph out of step at record " + idx);
      }
      linkedCount = 0;
      ResolvedRecord r = new ResolvedRecord(records.get(idx), normalizer, tombstones);
      for (int i = 0; i < rules.size(); i++) {
        MatchRule rule = rules.get(i);
        String key = rule.key(r);
        if (key != null) {
          int earlier = keys.get(i).putIfAbsent(key, idx);
          if (earlier != KeyIndex.ABSENT) {
            link(idx, earlier, rule.name(), () -> rule.evidence(r), 1);
          }
        }
      }
      if (fuzzy != null) {
        String block = fuzzy.blockKey(r);
        if (block != null) {
          List<Integer> members = blocks.computeIfAbsent(block, k -> new ArrayList<>());
          for (int k = 0; k < members.size() && k < fuzzy.maxBlock(); k++) {
            int other = members.get(k);
            if (set.find(other) != set.find(idx)) {
              double score = fuzzy.score(r, blocked.get(other));
              if (score >= fuzzy.threshold()) {
                link(idx, other, "fuzzy", () -> fuzzy.evidence(score), score);
              }
            }
          }
          members.add(idx);
          blocked.put(idx, r);
        }
      }
    }

    /** Links two records unless forbidden or already linked; the evidence is only written for a new link. */
    private void link(int from, int to, String rule, java.util.function.Supplier<String> evidence, double score) {
      if (!forbidden(from, to) && firstLink(to)) {
        set.union(from, to);
        links.add(new Link(records.get(from).recordId(), records.get(to).recordId(), rule, evidence.get(), score));
      }
    }

    /** Whether the record being resolved is not yet linked to {@code to}; notes it as linked. */
    private boolean firstLink(int to) {
      for (int i = 0; i < linkedCount; i++) {
        if (linkedTo[i] == to) {
          return false;
        }
      }
      if (linkedCount == linkedTo.length) {
        linkedTo = java.util.Arrays.copyOf(linkedTo, linkedCount * 2);
      }
      linkedTo[linkedCount++] = to;
      return true;
    }

    /** Whether joining the sets of {@code a} and {@code b} would join records a steward split apart. */
    private boolean forbidden(int a, int b) {
      if (cannotLink.isEmpty()) {
        return false;
      }
      int ra = set.find(a);
      int rb = set.find(b);
      for (Map.Entry<Integer, Set<Integer>> e : cannotLink.entrySet()) {
        if (e.getKey() < set.size() && set.find(e.getKey()) == ra) {
          for (int other : e.getValue()) {
            if (other < set.size() && set.find(other) == rb) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }
}
