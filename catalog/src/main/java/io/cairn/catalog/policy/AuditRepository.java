package io.cairn.catalog.policy;

import static io.cairn.catalog.jooq.Tables.AUDIT_CHECKPOINTS;
import static io.cairn.catalog.jooq.Tables.AUDIT_HEAD;
import static io.cairn.catalog.jooq.Tables.AUDIT_LOG;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.jooq.tables.records.AuditCheckpointsRecord;
import io.cairn.catalog.jooq.tables.records.AuditLogRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * The append-only audit chain. Appends lock the one {@code audit_head} row, so entries are numbered without
 * gaps and each links to its predecessor even when several nodes append at once. Nothing here updates or
 * deletes an entry.
 */
public final class AuditRepository {
  private final DSLContext dsl;

  public AuditRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** The position and hash the next entry links to. */
  public record Head(long seq, String hash) {}

  /**
   * Appends an entry: numbers it, links it to the head, lets {@code sealer} compute its hash, stores it and
   * moves the head, in one transaction.
   *
   * @param draft the entry's actor, action, target, outcome and details (seq, at and hashes are set here)
   * @param sealer returns the entry with its hash set
   */
  public AuditEntry append(AuditEntry draft, UnaryOperator<AuditEntry> sealer) {
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      Record2<Long, String> head = tx.select(AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH).from(AUDIT_HEAD)
          .where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchSingle();
      AuditEntry sealed = sealer.apply(new AuditEntry(head.value1() + 1, now(), draft.actor(), draft.action(),
          draft.target(), draft.outcome(), draft.details(), head.value2(), null));
      AuditLogRecord r = tx.newRecord(AUDIT_LOG);
      r.setSeq(sealed.seq());
      r.setAt(sealed.at());
      r.setActor(sealed.actor());
      r.setAction(sealed.action());
      r.setTarget(sealed.target());
      r.setOutcome(sealed.outcome());
      r.setDetails(sealed.details());
      r.setPrevHash(sealed.prevHash());
      r.setHash(sealed.hash());
      r.insert();
      tx.update(AUDIT_HEAD).set(AUDIT_HEAD.SEQ, sealed.seq()).set(AUDIT_HEAD.HASH, sealed.hash())
          .where(AUDIT_HEAD.ID.eq(1)).execute();
      return sealed;
    });
  }

  public Head head() {
    var r = dsl.select(AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH).from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
    return new Head(r.value1(), r.value2());
  }

  /** Entries matching the query, oldest first. */
  public List<AuditEntry> find(AuditQuery q, int offset, int limit) {
    return dsl.selectFrom(AUDIT_LOG).where(conditions(q)).orderBy(AUDIT_LOG.SEQ).offset(offset).limit(limit)
        .fetch().map(AuditRepository::map);
  }

  /** Up to {@code limit} entries after position {@code afterSeq}, in order: for walking the whole chain. */
  public List<AuditEntry> after(long afterSeq, int limit) {
    return dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(afterSeq)).orderBy(AUDIT_LOG.SEQ).limit(limit)
        .fetch().map(AuditRepository::map);
  }

  public Optional<AuditEntry> at(long seq) {
    return Optional.ofNullable(dsl.fetchOne(AUDIT_LOG, AUDIT_LOG.SEQ.eq(seq))).map(AuditRepository::map);
  }

  public void addCheckpoint(AuditCheckpoint c) {
    dsl.insertInto(AUDIT_CHECKPOINTS)
        .set(AUDIT_CHECKPOINTS.SEQ, c.seq())
        .set(AUDIT_CHECKPOINTS.HASH, c.hash())
        .set(AUDIT_CHECKPOINTS.SIGNED_AT, c.signedAt())
        .set(AUDIT_CHECKPOINTS.ALGORITHM, c.algorithm())
        .set(AUDIT_CHECKPOINTS.KEY_ID, c.keyId())
        .set(AUDIT_CHECKPOINTS.SIGNATURE, c.signature())
        .onConflictDoNothing()
        .execute();
  }

  /** Every checkpoint, oldest first. */
  public List<AuditCheckpoint> checkpoints() {
    List<AuditCheckpoint> out = new ArrayList<>();
    for (AuditCheckpointsRecord r : dsl.selectFrom(AUDIT_CHECKPOINTS).orderBy(AUDIT_CHECKPOINTS.SEQ).fetch()) {
      out.add(new AuditCheckpoint(r.getSeq(), r.getHash(), r.getSignedAt(), r.getAlgorithm(), r.getKeyId(),
          r.getSignature()));
    }
    return out;
  }

  public Optional<Long> lastCheckpointSeq() {
    return Optional.ofNullable(dsl.select(DSL.max(AUDIT_CHECKPOINTS.SEQ)).from(AUDIT_CHECKPOINTS).fetchOne(0, Long.class));
  }

  private static Condition conditions(AuditQuery q) {
    Condition c = DSL.noCondition();
    if (q.from() != null) {
      c = c.and(AUDIT_LOG.AT.ge(q.from()));
    }
    if (q.to() != null) {
      c = c.and(AUDIT_LOG.AT.lt(q.to()));
    }
    if (q.actor() != null) {
      c = c.and(AUDIT_LOG.ACTOR.eq(q.actor()));
    }
    if (q.action() != null) {
      c = c.and(AUDIT_LOG.ACTION.startsWith(q.action()));
    }
    if (q.target() != null) {
      c = c.and(AUDIT_LOG.TARGET.contains(q.target()));
    }
    if (q.outcome() != null) {
      c = c.and(AUDIT_LOG.OUTCOME.eq(q.outcome()));
    }
    return c;
  }

  private static AuditEntry map(AuditLogRecord r) {
    return new AuditEntry(r.getSeq(), r.getAt().withOffsetSameInstant(ZoneOffset.UTC), r.getActor(), r.getAction(),
        r.getTarget(), r.getOutcome(), r.getDetails(), r.getPrevHash(), r.getHash());
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
