package io.cairn.catalog.consent;

import static io.cairn.catalog.jooq.Tables.CONSENT_EVENTS;
import static io.cairn.catalog.jooq.Tables.CONSENT_IDENTIFIERS;
import static io.cairn.catalog.jooq.Tables.CONSENT_PURPOSES;
import static io.cairn.catalog.jooq.Tables.CONSENT_SUBJECTS;
import static io.cairn.catalog.jooq.Tables.CONSENT_SUPPRESSIONS;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.jooq.tables.records.ConsentEventsRecord;
import io.cairn.catalog.jooq.tables.records.ConsentIdentifiersRecord;
import io.cairn.catalog.jooq.tables.records.ConsentSuppressionsRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Purposes, subjects, identifiers, the consent history and the suppression list. Only inserts: no row is ever
 * updated or deleted, so the history is complete. Thread-safe.
 */
public final class ConsentRepository {
  private final DSLContext dsl;

  public ConsentRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** An identifier to resolve: its type, normalised value and the hex SHA-256 of that value. */
  public record Identifier(String type, String value, String hash) {}

  // ---- purposes

  public List<PurposeEntry> purposes() {
    return dsl.selectFrom(CONSENT_PURPOSES).orderBy(CONSENT_PURPOSES.ID).fetch(r ->
        new PurposeEntry(r.getName(), r.getDescription(), r.getDefaultBasis(), r.getUnknownSubject()));
  }

  /**
   * Adds a purpose.
   *
   * @return false when a purpose of that name exists already (it is left as it is)
   */
  public boolean addPurpose(PurposeEntry p, String by) {
    return dsl.insertInto(CONSENT_PURPOSES)
        .set(CONSENT_PURPOSES.NAME, p.name())
        .set(CONSENT_PURPOSES.DESCRIPTION, p.description())
        .set(CONSENT_PURPOSES.DEFAULT_BASIS, p.defaultBasis())
        .set(CONSENT_PURPOSES.UNKNOWN_SUBJECT, p.unknownSubject())
        .set(CONSENT_PURPOSES.CREATED_BY, by)
        .set(CONSENT_PURPOSES.CREATED_AT, now())
        .onConflictDoNothing()
        .execute() == 1;
  }

  // ---- subjects and identifiers

  /** The subject an identifier (by hash) belongs to. */
  public Optional<Long> subjectOf(String hash) {
    return dsl.select(CONSENT_IDENTIFIERS.SUBJECT_ID).from(CONSENT_IDENTIFIERS)
        .where(CONSENT_IDENTIFIERS.ID_HASH.eq(hash)).fetchOptional(CONSENT_IDENTIFIERS.SUBJECT_ID);
  }

  /**
   * The subject one of the identifiers belongs to (the oldest, if they reach several), created when none
   * does; identifiers not known yet are added to it. Retries once when another writer added one meanwhile.
   */
  public long resolve(List<Identifier> identifiers) {
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("at least one identifier is needed");
    }
    try {
      return dsl.transactionResult(cfg -> resolve(cfg.dsl(), identifiers));
    } catch (DataAccessException raced) {
      return dsl.transactionResult(cfg -> resolve(cfg.dsl(), identifiers));
    }
  }

  private static long resolve(DSLContext tx, List<Identifier> identifiers) {
    List<String> hashes = identifiers.stream().map(Identifier::hash).toList();
    List<ConsentIdentifiersRecord> known = tx.selectFrom(CONSENT_IDENTIFIERS)
        .where(CONSENT_IDENTIFIERS.ID_HASH.in(hashes)).fetch();
    long subject = known.stream().map(ConsentIdentifiersRecord::getSubjectId).min(Comparator.naturalOrder())
        .orElseGet(() -> tx.insertInto(CONSENT_SUBJECTS).set(CONSENT_SUBJECTS.CREATED_AT, now())
            .returning(CONSENT_SUBJECTS.ID).fetchOne().getId());
    List<String> knownHashes = known.stream().map(ConsentIdentifiersRecord::getIdHash).toList();
    identifiers.stream().filter(i -> !knownHashes.contains(i.hash())).distinct().forEach(i ->
        tx.insertInto(CONSENT_IDENTIFIERS)
            .set(CONSENT_IDENTIFIERS.SUBJECT_ID, subject)
            .set(CONSENT_IDENTIFIERS.ID_TYPE, i.type())
            .set(CONSENT_IDENTIFIERS.ID_VALUE, i.value())
            .set(CONSENT_IDENTIFIERS.ID_HASH, i.hash())
            .set(CONSENT_IDENTIFIERS.CREATED_AT, now())
            .execute());
    return subject;
  }

  public List<IdentifierEntry> identifiersOf(long subjectId) {
    return dsl.selectFrom(CONSENT_IDENTIFIERS).where(CONSENT_IDENTIFIERS.SUBJECT_ID.eq(subjectId))
        .orderBy(CONSENT_IDENTIFIERS.ID).fetch(ConsentRepository::identifier);
  }

  // ---- history

  /**
   * Appends an event. It is effective unless an effective event of the same subject and purpose occurred
   * later (a back-dated record is kept as history without changing the state).
   */
  public ConsentEventEntry append(NewConsentEvent e) {
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      OffsetDateTime latest = tx.select(DSL.max(CONSENT_EVENTS.OCCURRED_AT)).from(CONSENT_EVENTS)
          .where(CONSENT_EVENTS.SUBJECT_ID.eq(e.subjectId()), CONSENT_EVENTS.PURPOSE.eq(e.purpose()),
              CONSENT_EVENTS.EFFECTIVE.isTrue())
          .fetchOne(0, OffsetDateTime.class);
      ConsentEventsRecord r = tx.newRecord(CONSENT_EVENTS);
      r.setSubjectId(e.subjectId());
      r.setPurpose(e.purpose());
      r.setStatus(e.status());
      r.setLawfulBasis(e.lawfulBasis());
      r.setSource(e.source());
      r.setNoticeVersion(e.noticeVersion());
      r.setOccurredAt(e.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
      r.setRecordedAt(now());
      r.setRecordedBy(e.recordedBy());
      r.setEffective(latest == null || !r.getOccurredAt().isBefore(latest));
      r.setDetails(e.details());
      r.store();
      return event(r);
    });
  }

  /** Every event of a subject, oldest first (by when it occurred, then as recorded). */
  public List<ConsentEventEntry> history(long subjectId) {
    return dsl.selectFrom(CONSENT_EVENTS).where(CONSENT_EVENTS.SUBJECT_ID.eq(subjectId))
        .orderBy(CONSENT_EVENTS.OCCURRED_AT, CONSENT_EVENTS.ID).fetch(ConsentRepository::event);
  }

  // ---- suppression list

  public SuppressionEntry suppress(long subjectId, String purpose, String reason, String by) {
    ConsentSuppressionsRecord r = dsl.newRecord(CONSENT_SUPPRESSIONS);
    r.setSubjectId(subjectId);
    r.setPurpose(purpose);
    r.setReason(reason);
    r.setCreatedBy(by);
    r.setCreatedAt(now());
    r.store();
    return suppression(r);
  }

  /** Suppressions of a subject, oldest first. */
  public List<SuppressionEntry> suppressionsOf(long subjectId) {
    return dsl.selectFrom(CONSENT_SUPPRESSIONS).where(CONSENT_SUPPRESSIONS.SUBJECT_ID.eq(subjectId))
        .orderBy(CONSENT_SUPPRESSIONS.ID).fetch(ConsentRepository::suppression);
  }

  /** A suppressed identifier: what activation exports match their rows against. */
  public record SuppressedIdentifier(String identifierHash, String purpose, String reason, OffsetDateTime since) {}

  /**
   * The suppression list for a purpose as identifier hashes, oldest first: explicit suppressions for it or for
   * every purpose (reason as recorded), and subjects whose latest effective event for it is a withdrawal (reason
   * {@code withdrawn}, or {@code gpc} for a Global Privacy Control opt-out).
   */
  public List<SuppressedIdentifier> suppressedIdentifiers(String purpose, int offset, int limit) {
    var later = CONSENT_EVENTS.as("later");
    var explicit = DSL.select(CONSENT_IDENTIFIERS.ID_HASH, DSL.inline(purpose).as("purpose"),
            CONSENT_SUPPRESSIONS.REASON, CONSENT_SUPPRESSIONS.CREATED_AT.as("since"))
        .from(CONSENT_SUPPRESSIONS).join(CONSENT_IDENTIFIERS)
        .on(CONSENT_IDENTIFIERS.SUBJECT_ID.eq(CONSENT_SUPPRESSIONS.SUBJECT_ID))
        .where(CONSENT_SUPPRESSIONS.PURPOSE.eq(purpose).or(CONSENT_SUPPRESSIONS.PURPOSE.isNull()));
    var withdrawn = DSL.select(CONSENT_IDENTIFIERS.ID_HASH, CONSENT_EVENTS.PURPOSE,
            DSL.when(CONSENT_EVENTS.SOURCE.eq("gpc"), DSL.inline("gpc")).otherwise(DSL.inline("withdrawn")),
            CONSENT_EVENTS.OCCURRED_AT)
        .from(CONSENT_EVENTS).join(CONSENT_IDENTIFIERS)
        .on(CONSENT_IDENTIFIERS.SUBJECT_ID.eq(CONSENT_EVENTS.SUBJECT_ID))
        .where(CONSENT_EVENTS.PURPOSE.eq(purpose), CONSENT_EVENTS.EFFECTIVE.isTrue(),
            CONSENT_EVENTS.STATUS.eq("withdrawn"),
            DSL.notExists(DSL.selectOne().from(later).where(later.SUBJECT_ID.eq(CONSENT_EVENTS.SUBJECT_ID),
                later.PURPOSE.eq(CONSENT_EVENTS.PURPOSE), later.EFFECTIVE.isTrue(), later.ID.gt(CONSENT_EVENTS.ID))));
    var all = explicit.unionAll(withdrawn).asTable("s");
    return dsl.selectFrom(all).orderBy(all.field(3), all.field(0)).offset(offset).limit(limit)
        .fetch(r -> new SuppressedIdentifier(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
            r.get(3, OffsetDateTime.class)));
  }

  // ---- change feeds: rows with an id above a watermark, or among ids seen missing before

  public List<IdentifierEntry> identifiersAfter(long watermark, Collection<Long> gaps, int limit) {
    return dsl.selectFrom(CONSENT_IDENTIFIERS).where(after(CONSENT_IDENTIFIERS.ID, watermark, gaps))
        .orderBy(CONSENT_IDENTIFIERS.ID).limit(limit).fetch(ConsentRepository::identifier);
  }

  /** Every event, effective or not (the feed must see every id); only effective ones change a state. */
  public List<ConsentEventEntry> eventsAfter(long watermark, Collection<Long> gaps, int limit) {
    return dsl.selectFrom(CONSENT_EVENTS).where(after(CONSENT_EVENTS.ID, watermark, gaps))
        .orderBy(CONSENT_EVENTS.ID).limit(limit).fetch(ConsentRepository::event);
  }

  public List<SuppressionEntry> suppressionsAfter(long watermark, Collection<Long> gaps, int limit) {
    return dsl.selectFrom(CONSENT_SUPPRESSIONS).where(after(CONSENT_SUPPRESSIONS.ID, watermark, gaps))
        .orderBy(CONSENT_SUPPRESSIONS.ID).limit(limit).fetch(ConsentRepository::suppression);
  }

  private static Condition after(Field<Long> id, long watermark, Collection<Long> gaps) {
    return gaps.isEmpty() ? id.gt(watermark) : id.gt(watermark).or(id.in(gaps));
  }

  private static IdentifierEntry identifier(ConsentIdentifiersRecord r) {
    return new IdentifierEntry(r.getId(), r.getSubjectId(), r.getIdType(), r.getIdValue(), r.getIdHash());
  }

  private static ConsentEventEntry event(ConsentEventsRecord r) {
    return new ConsentEventEntry(r.getId(), r.getSubjectId(), r.getPurpose(), r.getStatus(), r.getLawfulBasis(),
        r.getSource(), r.getNoticeVersion(), r.getOccurredAt(), r.getRecordedAt(), r.getRecordedBy(),
        r.getEffective(), r.getDetails());
  }

  private static SuppressionEntry suppression(ConsentSuppressionsRecord r) {
    return new SuppressionEntry(r.getId(), r.getSubjectId(), r.getPurpose(), r.getReason(), r.getCreatedBy(),
        r.getCreatedAt());
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
