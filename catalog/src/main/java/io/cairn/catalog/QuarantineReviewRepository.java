package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.QUARANTINE;

import io.cairn.catalog.jooq.tables.records.QuarantineRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Review of quarantined records: browse by state, fix a record's payload, and claim records for a replay
 * run then settle the claim. A claim is one conditional update, so two replays never take the same record.
 */
public final class QuarantineReviewRepository {
  private final DSLContext dsl;

  public QuarantineReviewRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  public Optional<QuarantinedRecord> find(long id) {
    return dsl.selectFrom(QUARANTINE).where(QUARANTINE.ID.eq(id)).fetchOptional()
        .map(QuarantineReviewRepository::map);
  }

  /** The flow's records, newest first; {@code status} null for every state. */
  public List<QuarantinedRecord> forFlow(FlowId flow, String status, int offset, int limit) {
    Condition where = QUARANTINE.FLOW_ID.eq(flow.value());
    if (status != null) {
      where = where.and(QUARANTINE.STATUS.eq(status));
    }
    return dsl.selectFrom(QUARANTINE).where(where).orderBy(QUARANTINE.ID.desc()).offset(offset).limit(limit)
        .fetch().map(QuarantineReviewRepository::map);
  }

  public List<QuarantinedRecord> findAll(Collection<Long> ids) {
    return dsl.selectFrom(QUARANTINE).where(QUARANTINE.ID.in(ids)).orderBy(QUARANTINE.ID).fetch()
        .map(QuarantineReviewRepository::map);
  }

  /** Replaces the payload of a record still waiting in quarantine; false when it is not waiting. */
  public boolean edit(long id, String payload, String by) {
    return dsl.update(QUARANTINE).set(QUARANTINE.PAYLOAD, payload).set(QUARANTINE.EDITED_BY, by)
        .set(QUARANTINE.EDITED_AT, Clock.now())
        .where(QUARANTINE.ID.eq(id), QUARANTINE.STATUS.eq(QuarantinedRecord.QUARANTINED)).execute() == 1;
  }

  /**
   * Claims waiting records of a flow for a replay run, all or none.
   *
   * @return whether every record was claimed (if not, none is)
   */
  public boolean claim(FlowId flow, Set<Long> ids, String replayRunId) {
    try {
      dsl.transaction(tx -> {
        int claimed = tx.dsl().update(QUARANTINE).set(QUARANTINE.STATUS, QuarantinedRecord.REPLAYING)
            .set(QUARANTINE.REPLAY_RUN_ID, replayRunId)
            .where(QUARANTINE.ID.in(ids), QUARANTINE.FLOW_ID.eq(flow.value()),
                QUARANTINE.STATUS.eq(QuarantinedRecord.QUARANTINED)).execute();
        if (claimed != ids.size()) {
          throw new Unclaimed();
        }
      });
      return true;
    } catch (RuntimeException e) {
      if (e instanceof Unclaimed || e.getCause() instanceof Unclaimed) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Settles a replay run's claim: its records become REPLAYED when the run succeeded, else wait again.
   *
   * @return the records settled
   */
  public int settle(String replayRunId, boolean succeeded) {
    var update = dsl.update(QUARANTINE);
    var set = succeeded ? update.set(QUARANTINE.STATUS, QuarantinedRecord.REPLAYED)
        : update.set(QUARANTINE.STATUS, QuarantinedRecord.QUARANTINED).set(QUARANTINE.REPLAY_RUN_ID, (String) null);
    return set.where(QUARANTINE.REPLAY_RUN_ID.eq(replayRunId), QUARANTINE.STATUS.eq(QuarantinedRecord.REPLAYING))
        .execute();
  }

  /**
   * The shortest identifier value searched for in payloads: shorter ones (a numeric id such as {@code 42}) would
   * match records about other people.
   */
  public static final int MIN_PAYLOAD_MATCH = 6;

  /**
   * The records about a person, oldest first: those whose subject is one of the person's identifier values, and
   * those whose payload contains one of them (in any case) of at least {@value #MIN_PAYLOAD_MATCH} characters (records quarantined
   * before anyone knew their subject, e.g. a malformed line with an email in it).
   */
  public List<QuarantinedRecord> aboutPerson(Collection<String> values, int limit) {
    if (values.isEmpty()) {
      return List.of();
    }
    return dsl.selectFrom(QUARANTINE).where(aboutPerson(values)).orderBy(QUARANTINE.ID).limit(limit).fetch()
        .map(QuarantineReviewRepository::map);
  }

  /** Deletes the records {@link #aboutPerson} finds; returns how many. */
  public int deleteAboutPerson(Collection<String> values) {
    return values.isEmpty() ? 0 : dsl.deleteFrom(QUARANTINE).where(aboutPerson(values)).execute();
  }

  private static Condition aboutPerson(Collection<String> values) {
    Condition c = QUARANTINE.SUBJECT_ID.in(values);
    for (String v : values) {
      if (v.length() >= MIN_PAYLOAD_MATCH) {
        c = c.or(QUARANTINE.PAYLOAD.containsIgnoreCase(v));
      }
    }
    return c;
  }

  private static QuarantinedRecord map(QuarantineRecord r) {
    return new QuarantinedRecord(r.getId(), r.getRunId(), new FlowId(r.getFlowId()), r.getDatasetNamespace(),
        r.getDatasetName(), r.getSourceOffset(), r.getReason(), r.getPayload(), r.getStatus(), r.getReplayRunId(),
        r.getEditedBy(), r.getEditedAt(), r.getCreatedAt(), r.getSubjectId());
  }

  /** Thrown inside the claim transaction to roll it back. */
  private static final class Unclaimed extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
