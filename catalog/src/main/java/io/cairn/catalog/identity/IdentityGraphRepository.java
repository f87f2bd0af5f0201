package io.cairn.catalog.identity;

import static io.cairn.catalog.jooq.Tables.IDENTITY_ATTRIBUTES;
import static io.cairn.catalog.jooq.Tables.IDENTITY_GRAPHS;
import static io.cairn.catalog.jooq.Tables.IDENTITY_IDENTIFIERS;
import static io.cairn.catalog.jooq.Tables.IDENTITY_LINKS;
import static io.cairn.catalog.jooq.Tables.IDENTITY_PROFILES;
import static io.cairn.catalog.jooq.Tables.IDENTITY_RECORDS;
import static io.cairn.catalog.jooq.Tables.IDENTITY_SPLITS;
import static io.cairn.catalog.jooq.Tables.IDENTITY_TOMBSTONES;

import io.cairn.catalog.CatalogDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Identity graphs in the catalog. Every write is one transaction, so a graph on disk is always one that the
 * matcher produced. Thread-safe (the database serialises writers; the caller keeps one writer per graph).
 */
public final class IdentityGraphRepository {
  private final DSLContext dsl;

  public IdentityGraphRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** The stored settings of a graph, if it was ever saved. */
  public Optional<GraphSettings> settings(String graph) {
    return Optional.ofNullable(dsl.fetchOne(IDENTITY_GRAPHS, IDENTITY_GRAPHS.GRAPH.eq(graph))).map(r ->
        new GraphSettings(r.getGraph(), r.getRules().isEmpty() ? List.of() : Arrays.asList(r.getRules().split(",")),
            r.getFuzzyThreshold(), r.getRegion()));
  }

  /** Creates or updates a graph's settings. */
  public void saveSettings(GraphSettings s) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      tx.deleteFrom(IDENTITY_GRAPHS).where(IDENTITY_GRAPHS.GRAPH.eq(s.graph())).execute();
      tx.insertInto(IDENTITY_GRAPHS).set(IDENTITY_GRAPHS.GRAPH, s.graph())
          .set(IDENTITY_GRAPHS.RULES, String.join(",", s.rules()))
          .set(IDENTITY_GRAPHS.FUZZY_THRESHOLD, s.fuzzyThreshold()).set(IDENTITY_GRAPHS.REGION, s.region())
          .set(IDENTITY_GRAPHS.UPDATED_AT, now()).execute();
    });
  }

  /** The names of every stored graph. */
  public List<String> graphs() {
    return dsl.select(IDENTITY_GRAPHS.GRAPH).from(IDENTITY_GRAPHS).orderBy(IDENTITY_GRAPHS.GRAPH).fetch(IDENTITY_GRAPHS.GRAPH);
  }

  /** Everything needed to rebuild a graph; empty lists for a graph never saved. */
  public IdentitySnapshot load(String graph) {
    Map<String, Map<String, String>> ids = values(graph, true);
    Map<String, Map<String, String>> attrs = values(graph, false);
    List<StoredRecord> records = dsl.selectFrom(IDENTITY_RECORDS).where(IDENTITY_RECORDS.GRAPH.eq(graph))
        .orderBy(IDENTITY_RECORDS.SEQ).fetch(r -> new StoredRecord(r.getRecordId(), r.getSource(),
            r.getSeenAt().toInstant(), ids.getOrDefault(r.getRecordId(), Map.of()),
            attrs.getOrDefault(r.getRecordId(), Map.of()), r.getProfileId()));
    List<List<String>> splits = dsl.selectFrom(IDENTITY_SPLITS).where(IDENTITY_SPLITS.GRAPH.eq(graph))
        .orderBy(IDENTITY_SPLITS.RECORD_A, IDENTITY_SPLITS.RECORD_B)
        .fetch(r -> List.of(r.getRecordA(), r.getRecordB()));
    Set<String> tombstones = new HashSet<>(dsl.select(IDENTITY_TOMBSTONES.HASH).from(IDENTITY_TOMBSTONES)
        .where(IDENTITY_TOMBSTONES.GRAPH.eq(graph)).fetch(IDENTITY_TOMBSTONES.HASH));
    return new IdentitySnapshot(records, splits, tombstones);
  }

  private Map<String, Map<String, String>> values(String graph, boolean identifiers) {
    Map<String, Map<String, String>> out = new HashMap<>();
    if (identifiers) {
      dsl.selectFrom(IDENTITY_IDENTIFIERS).where(IDENTITY_IDENTIFIERS.GRAPH.eq(graph)).forEach(r ->
          out.computeIfAbsent(r.getRecordId(), k -> new LinkedHashMap<>()).put(r.getIdType(), r.getIdValue()));
    } else {
      dsl.selectFrom(IDENTITY_ATTRIBUTES).where(IDENTITY_ATTRIBUTES.GRAPH.eq(graph)).forEach(r ->
          out.computeIfAbsent(r.getRecordId(), k -> new LinkedHashMap<>()).put(r.getName(), r.getAttrValue()));
    }
    return out;
  }

  /** Saves what changed in one transaction and brings the profiles' sizes up to date. */
  public void save(String graph, GraphChange change) {
    if (change.isEmpty()) {
      return;
    }
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      Set<String> touched = new HashSet<>();
      Map<String, String> profileIds = new HashMap<>(change.profileIds());
      change.records().forEach(r -> profileIds.put(r.recordId(), r.profileId()));
      touched.addAll(profileIds.values());
      tx.select(IDENTITY_RECORDS.PROFILE_ID).from(IDENTITY_RECORDS).where(IDENTITY_RECORDS.GRAPH.eq(graph)
          .and(IDENTITY_RECORDS.RECORD_ID.in(profileIds.keySet()))).fetch(IDENTITY_RECORDS.PROFILE_ID)
          .forEach(touched::add);
      writeRecords(tx, graph, change.records());
      List<Query> updates = new ArrayList<>();
      change.profileIds().forEach((record, profile) -> updates.add(tx.update(IDENTITY_RECORDS)
          .set(IDENTITY_RECORDS.PROFILE_ID, profile)
          .where(IDENTITY_RECORDS.GRAPH.eq(graph).and(IDENTITY_RECORDS.RECORD_ID.eq(record)))));
      if (!updates.isEmpty()) {
        tx.batch(updates).execute();
      }
      long next = 0;
      if (change.replaceLinks()) {
        tx.deleteFrom(IDENTITY_LINKS).where(IDENTITY_LINKS.GRAPH.eq(graph)).execute();
      } else {
        Long max = tx.select(DSL.max(IDENTITY_LINKS.SEQ)).from(IDENTITY_LINKS).where(IDENTITY_LINKS.GRAPH.eq(graph))
            .fetchOne(0, Long.class);
        next = max == null ? 0 : max + 1;
      }
      var links = tx.insertInto(IDENTITY_LINKS, IDENTITY_LINKS.GRAPH, IDENTITY_LINKS.SEQ, IDENTITY_LINKS.FROM_RECORD,
          IDENTITY_LINKS.TO_RECORD, IDENTITY_LINKS.RULE, IDENTITY_LINKS.EVIDENCE, IDENTITY_LINKS.SCORE);
      for (StoredLink l : change.links()) {
        links = links.values(graph, next++, l.from(), l.to(), l.rule(), l.evidence(), l.score());
      }
      if (!change.links().isEmpty()) {
        links.execute();
      }
      refreshProfiles(tx, graph, touched);
    });
  }

  private static void writeRecords(DSLContext tx, String graph, List<StoredRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    List<String> ids = records.stream().map(StoredRecord::recordId).toList();
    Map<String, Long> seqs = new HashMap<>();
    tx.select(IDENTITY_RECORDS.RECORD_ID, IDENTITY_RECORDS.SEQ).from(IDENTITY_RECORDS)
        .where(IDENTITY_RECORDS.GRAPH.eq(graph).and(IDENTITY_RECORDS.RECORD_ID.in(ids)))
        .forEach(r -> seqs.put(r.value1(), r.value2()));
    deleteRecords(tx, graph, ids);
    Long max = tx.select(DSL.max(IDENTITY_RECORDS.SEQ)).from(IDENTITY_RECORDS).where(IDENTITY_RECORDS.GRAPH.eq(graph))
        .fetchOne(0, Long.class);
    long next = max == null ? 0 : max + 1;
    var rows = tx.insertInto(IDENTITY_RECORDS, IDENTITY_RECORDS.GRAPH, IDENTITY_RECORDS.RECORD_ID, IDENTITY_RECORDS.SEQ,
        IDENTITY_RECORDS.SOURCE, IDENTITY_RECORDS.SEEN_AT, IDENTITY_RECORDS.PROFILE_ID);
    var idRows = tx.insertInto(IDENTITY_IDENTIFIERS, IDENTITY_IDENTIFIERS.GRAPH, IDENTITY_IDENTIFIERS.RECORD_ID,
        IDENTITY_IDENTIFIERS.ID_TYPE, IDENTITY_IDENTIFIERS.ID_VALUE);
    var attrRows = tx.insertInto(IDENTITY_ATTRIBUTES, IDENTITY_ATTRIBUTES.GRAPH, IDENTITY_ATTRIBUTES.RECORD_ID,
        IDENTITY_ATTRIBUTES.NAME, IDENTITY_ATTRIBUTES.ATTR_VALUE);
    boolean anyId = false;
    boolean anyAttr = false;
    for (StoredRecord r : records) {
      Long seq = seqs.get(r.recordId());
      rows = rows.values(graph, r.recordId(), seq == null ? next++ : seq, r.source(),
          r.seenAt().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), r.profileId());
      for (var e : r.identifiers().entrySet()) {
        idRows = idRows.values(graph, r.recordId(), e.getKey(), e.getValue());
        anyId = true;
      }
      for (var e : r.attributes().entrySet()) {
        attrRows = attrRows.values(graph, r.recordId(), e.getKey(), e.getValue());
        anyAttr = true;
      }
    }
    rows.execute();
    if (anyId) {
      idRows.execute();
    }
    if (anyAttr) {
      attrRows.execute();
    }
  }

  private static void deleteRecords(DSLContext tx, String graph, Collection<String> ids) {
    tx.deleteFrom(IDENTITY_IDENTIFIERS).where(IDENTITY_IDENTIFIERS.GRAPH.eq(graph)
        .and(IDENTITY_IDENTIFIERS.RECORD_ID.in(ids))).execute();
    tx.deleteFrom(IDENTITY_ATTRIBUTES).where(IDENTITY_ATTRIBUTES.GRAPH.eq(graph)
        .and(IDENTITY_ATTRIBUTES.RECORD_ID.in(ids))).execute();
    tx.deleteFrom(IDENTITY_RECORDS).where(IDENTITY_RECORDS.GRAPH.eq(graph).and(IDENTITY_RECORDS.RECORD_ID.in(ids)))
        .execute();
  }

  private static void refreshProfiles(DSLContext tx, String graph, Set<String> profileIds) {
    if (profileIds.isEmpty()) {
      return;
    }
    Map<String, Integer> sizes = new HashMap<>();
    tx.select(IDENTITY_RECORDS.PROFILE_ID, DSL.count()).from(IDENTITY_RECORDS)
        .where(IDENTITY_RECORDS.GRAPH.eq(graph).and(IDENTITY_RECORDS.PROFILE_ID.in(profileIds)))
        .groupBy(IDENTITY_RECORDS.PROFILE_ID).forEach(r -> sizes.put(r.value1(), r.value2()));
    tx.deleteFrom(IDENTITY_PROFILES).where(IDENTITY_PROFILES.GRAPH.eq(graph)
        .and(IDENTITY_PROFILES.PROFILE_ID.in(profileIds))).execute();
    if (!sizes.isEmpty()) {
      var rows = tx.insertInto(IDENTITY_PROFILES, IDENTITY_PROFILES.GRAPH, IDENTITY_PROFILES.PROFILE_ID,
          IDENTITY_PROFILES.SIZE, IDENTITY_PROFILES.UPDATED_AT);
      OffsetDateTime at = now();
      for (var e : sizes.entrySet()) {
        rows = rows.values(graph, e.getKey(), e.getValue(), at);
      }
      rows.execute();
    }
  }

  /** Records that a steward split these pairs of records apart. */
  public void addSplits(String graph, List<List<String>> pairs, String by) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      for (List<String> p : pairs) {
        if (tx.fetchCount(IDENTITY_SPLITS, IDENTITY_SPLITS.GRAPH.eq(graph).and(IDENTITY_SPLITS.RECORD_A.eq(p.get(0)))
            .and(IDENTITY_SPLITS.RECORD_B.eq(p.get(1)))) == 0) {
          tx.insertInto(IDENTITY_SPLITS).set(IDENTITY_SPLITS.GRAPH, graph).set(IDENTITY_SPLITS.RECORD_A, p.get(0))
              .set(IDENTITY_SPLITS.RECORD_B, p.get(1)).set(IDENTITY_SPLITS.CREATED_BY, by)
              .set(IDENTITY_SPLITS.CREATED_AT, now()).execute();
        }
      }
    });
  }

  /**
   * Erases records: they, their identifiers, attributes, links and splits are deleted and the tombstones of
   * their identifiers are added, in one transaction.
   */
  public void erase(String graph, Collection<String> recordIds, Set<String> tombstones) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      Set<String> touched = new HashSet<>(tx.select(IDENTITY_RECORDS.PROFILE_ID).from(IDENTITY_RECORDS)
          .where(IDENTITY_RECORDS.GRAPH.eq(graph).and(IDENTITY_RECORDS.RECORD_ID.in(recordIds)))
          .fetch(IDENTITY_RECORDS.PROFILE_ID));
      deleteRecords(tx, graph, recordIds);
      tx.deleteFrom(IDENTITY_LINKS).where(IDENTITY_LINKS.GRAPH.eq(graph).and(IDENTITY_LINKS.FROM_RECORD.in(recordIds)
          .or(IDENTITY_LINKS.TO_RECORD.in(recordIds)))).execute();
      tx.deleteFrom(IDENTITY_SPLITS).where(IDENTITY_SPLITS.GRAPH.eq(graph).and(IDENTITY_SPLITS.RECORD_A.in(recordIds)
          .or(IDENTITY_SPLITS.RECORD_B.in(recordIds)))).execute();
      Set<String> known = new HashSet<>(tx.select(IDENTITY_TOMBSTONES.HASH).from(IDENTITY_TOMBSTONES)
          .where(IDENTITY_TOMBSTONES.GRAPH.eq(graph)).fetch(IDENTITY_TOMBSTONES.HASH));
      for (String t : tombstones) {
        if (known.add(t)) {
          tx.insertInto(IDENTITY_TOMBSTONES).set(IDENTITY_TOMBSTONES.GRAPH, graph).set(IDENTITY_TOMBSTONES.HASH, t)
              .set(IDENTITY_TOMBSTONES.CREATED_AT, now()).execute();
        }
      }
      refreshProfiles(tx, graph, touched);
    });
  }

  /** The profiles of a graph, largest first, at most {@code limit}. */
  public List<ProfileSummary> profiles(String graph, int limit) {
    return dsl.selectFrom(IDENTITY_PROFILES).where(IDENTITY_PROFILES.GRAPH.eq(graph))
        .orderBy(IDENTITY_PROFILES.SIZE.desc(), IDENTITY_PROFILES.PROFILE_ID).limit(limit)
        .fetch(r -> new ProfileSummary(r.getProfileId(), r.getSize(), r.getUpdatedAt()));
  }

  /**
   * The profiles, in every graph, whose records hold this identifier value (as given, or lower-cased, the way
   * e-mail addresses are compared).
   */
  public List<ProfileRef> profilesHolding(String value) {
    return dsl.selectDistinct(IDENTITY_RECORDS.GRAPH, IDENTITY_RECORDS.PROFILE_ID).from(IDENTITY_IDENTIFIERS)
        .join(IDENTITY_RECORDS).on(IDENTITY_RECORDS.GRAPH.eq(IDENTITY_IDENTIFIERS.GRAPH)
            .and(IDENTITY_RECORDS.RECORD_ID.eq(IDENTITY_IDENTIFIERS.RECORD_ID)))
        .where(IDENTITY_IDENTIFIERS.ID_VALUE.in(value, value.toLowerCase(java.util.Locale.ROOT)))
        .orderBy(IDENTITY_RECORDS.GRAPH, IDENTITY_RECORDS.PROFILE_ID)
        .fetch(r -> new ProfileRef(r.value1(), r.value2()));
  }

  /** The records of one profile, in arrival order (without identifiers and attributes). */
  public List<String> members(String graph, String profileId) {
    return dsl.select(IDENTITY_RECORDS.RECORD_ID).from(IDENTITY_RECORDS).where(IDENTITY_RECORDS.GRAPH.eq(graph)
        .and(IDENTITY_RECORDS.PROFILE_ID.eq(profileId))).orderBy(IDENTITY_RECORDS.SEQ).fetch(IDENTITY_RECORDS.RECORD_ID);
  }

  /** The raw identifiers of a profile's records by type, in arrival order of the records. */
  public Map<String, List<String>> identifiers(String graph, String profileId) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    dsl.select(IDENTITY_IDENTIFIERS.ID_TYPE, IDENTITY_IDENTIFIERS.ID_VALUE).from(IDENTITY_IDENTIFIERS)
        .join(IDENTITY_RECORDS).on(IDENTITY_RECORDS.GRAPH.eq(IDENTITY_IDENTIFIERS.GRAPH)
            .and(IDENTITY_RECORDS.RECORD_ID.eq(IDENTITY_IDENTIFIERS.RECORD_ID)))
        .where(IDENTITY_RECORDS.GRAPH.eq(graph).and(IDENTITY_RECORDS.PROFILE_ID.eq(profileId)))
        .orderBy(IDENTITY_RECORDS.SEQ, IDENTITY_IDENTIFIERS.ID_TYPE)
        .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    return out;
  }

  /** Why a profile's records belong together: the stored links from its records, in the order made. */
  public List<StoredLink> links(String graph, String profileId) {
    return dsl.select(IDENTITY_LINKS.fields()).from(IDENTITY_LINKS).join(IDENTITY_RECORDS)
        .on(IDENTITY_RECORDS.GRAPH.eq(IDENTITY_LINKS.GRAPH).and(IDENTITY_RECORDS.RECORD_ID.eq(IDENTITY_LINKS.FROM_RECORD)))
        .where(IDENTITY_LINKS.GRAPH.eq(graph).and(IDENTITY_RECORDS.PROFILE_ID.eq(profileId)))
        .orderBy(IDENTITY_LINKS.SEQ).fetch(r -> new StoredLink(r.get(IDENTITY_LINKS.FROM_RECORD),
            r.get(IDENTITY_LINKS.TO_RECORD), r.get(IDENTITY_LINKS.RULE), r.get(IDENTITY_LINKS.EVIDENCE),
            r.get(IDENTITY_LINKS.SCORE)));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
