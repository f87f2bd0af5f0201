package io.cairn.catalog.segments;

import static io.cairn.catalog.jooq.Tables.SEGMENTS;
import static io.cairn.catalog.jooq.Tables.SEGMENT_EXPORTS;
import static io.cairn.catalog.jooq.Tables.SEGMENT_MEMBERS;
import static io.cairn.catalog.jooq.Tables.SEGMENT_SIZES;

import io.cairn.catalog.CatalogDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Segments, their members, sizes over time and exports. Thread-safe; each write is one transaction. */
public final class SegmentRepository {
  private final DSLContext dsl;

  public SegmentRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Creates a segment or changes its rule and graph (its members stay until the next evaluation). */
  public SegmentEntry define(String name, String rule, String graph, String by) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      int updated = tx.update(SEGMENTS).set(SEGMENTS.RULE, rule).set(SEGMENTS.GRAPH, graph)
          .set(SEGMENTS.UPDATED_AT, now()).where(SEGMENTS.NAME.eq(name)).execute();
      if (updated == 0) {
        tx.insertInto(SEGMENTS).set(SEGMENTS.NAME, name).set(SEGMENTS.RULE, rule).set(SEGMENTS.GRAPH, graph)
            .set(SEGMENTS.CREATED_BY, by).set(SEGMENTS.UPDATED_AT, now()).execute();
      }
    });
    return find(name).orElseThrow();
  }

  public Optional<SegmentEntry> find(String name) {
    return list().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Every segment with its current size, by name. */
  public List<SegmentEntry> list() {
    var size = DSL.field(DSL.selectCount().from(SEGMENT_MEMBERS).where(SEGMENT_MEMBERS.SEGMENT.eq(SEGMENTS.NAME)));
    return dsl.select(SEGMENTS.NAME, SEGMENTS.RULE, SEGMENTS.GRAPH, size, SEGMENTS.UPDATED_AT).from(SEGMENTS)
        .orderBy(SEGMENTS.NAME).fetch(r -> new SegmentEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }

  /** The current members (profile ids). */
  public Set<String> members(String name) {
    return new HashSet<>(dsl.select(SEGMENT_MEMBERS.PROFILE_ID).from(SEGMENT_MEMBERS)
        .where(SEGMENT_MEMBERS.SEGMENT.eq(name)).fetch(SEGMENT_MEMBERS.PROFILE_ID));
  }

  /** Replaces the members after an evaluation and records the size at this moment. */
  public void replaceMembers(String name, Set<String> members) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      tx.deleteFrom(SEGMENT_MEMBERS).where(SEGMENT_MEMBERS.SEGMENT.eq(name)).execute();
      if (!members.isEmpty()) {
        var insert = tx.insertInto(SEGMENT_MEMBERS, SEGMENT_MEMBERS.SEGMENT, SEGMENT_MEMBERS.PROFILE_ID);
        for (String m : members) {
          insert = insert.values(name, m);
        }
        insert.execute();
      }
      tx.insertInto(SEGMENT_SIZES).set(SEGMENT_SIZES.SEGMENT, name).set(SEGMENT_SIZES.AT, now())
          .set(SEGMENT_SIZES.SIZE, members.size()).execute();
      tx.update(SEGMENTS).set(SEGMENTS.UPDATED_AT, now()).where(SEGMENTS.NAME.eq(name)).execute();
    });
  }

  /** The sizes of every evaluation, oldest first. */
  public List<SegmentSize> sizes(String name) {
    return dsl.selectFrom(SEGMENT_SIZES).where(SEGMENT_SIZES.SEGMENT.eq(name)).orderBy(SEGMENT_SIZES.AT)
        .fetch(r -> new SegmentSize(r.getAt(), r.getSize()));
  }

  public void recordExport(ExportEntry e) {
    dsl.insertInto(SEGMENT_EXPORTS).set(SEGMENT_EXPORTS.ID, e.id()).set(SEGMENT_EXPORTS.SEGMENT, e.segment())
        .set(SEGMENT_EXPORTS.FORMAT, e.format()).set(SEGMENT_EXPORTS.PURPOSE, e.purpose())
        .set(SEGMENT_EXPORTS.STATUS, e.status()).set(SEGMENT_EXPORTS.ROWS_SENT, e.rows())
        .set(SEGMENT_EXPORTS.SUPPRESSED, e.suppressed()).set(SEGMENT_EXPORTS.MANIFEST, e.manifest())
        .set(SEGMENT_EXPORTS.CREATED_BY, e.createdBy()).set(SEGMENT_EXPORTS.CREATED_AT, e.at()).execute();
  }

  /** A segment's exports, newest first. */
  public List<ExportEntry> exports(String name) {
    return dsl.selectFrom(SEGMENT_EXPORTS).where(SEGMENT_EXPORTS.SEGMENT.eq(name))
        .orderBy(SEGMENT_EXPORTS.CREATED_AT.desc(), SEGMENT_EXPORTS.ID).fetch(r -> new ExportEntry(r.getId(),
            r.getSegment(), r.getFormat(), r.getPurpose(), r.getStatus(), r.getRowsSent(), r.getSuppressed(),
            r.getManifest(), r.getCreatedBy(), r.getCreatedAt()));
  }

  /** Now, as the catalog stores it (UTC, microseconds). */
  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
