package io.cairn.catalog.erasure;

import static io.cairn.catalog.jooq.Tables.DSAR_REQUESTS;
import static io.cairn.catalog.jooq.Tables.DSAR_STEPS;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.jooq.tables.records.DsarRequestsRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Data subject requests and their steps. Requests are run by the node that took them: each is stored with this
 * repository's node name. Thread-safe.
 */
public final class DsarRepository {
  private final DSLContext dsl;
  private final String node;

  /** @param node the name of this server node (requests it creates, and the unfinished ones it fails) */
  public DsarRepository(CatalogDatabase db, String node) {
    this.dsl = db.dsl();
    this.node = node.length() > 255 ? node.substring(0, 255) : node;
  }

  /** Stores a new request with status {@code PENDING}. */
  public DsarRequestEntry create(String id, String type, String requestedBy, String reason, String identifiers) {
    OffsetDateTime now = now();
    dsl.insertInto(DSAR_REQUESTS)
        .set(DSAR_REQUESTS.ID, id).set(DSAR_REQUESTS.TYPE, type).set(DSAR_REQUESTS.STATUS, "PENDING")
        .set(DSAR_REQUESTS.REQUESTED_BY, requestedBy).set(DSAR_REQUESTS.NODE, node).set(DSAR_REQUESTS.REASON, reason)
        .set(DSAR_REQUESTS.IDENTIFIERS, identifiers).set(DSAR_REQUESTS.CREATED_AT, now).execute();
    return find(id).orElseThrow();
  }

  public void markRunning(String id) {
    dsl.update(DSAR_REQUESTS).set(DSAR_REQUESTS.STATUS, "RUNNING").where(DSAR_REQUESTS.ID.eq(id)).execute();
  }

  /** Ends a request: {@code DONE} with its audit entry (and encrypted bundle, for access requests). */
  public void finish(String id, long auditSeq, String bundle) {
    dsl.update(DSAR_REQUESTS).set(DSAR_REQUESTS.STATUS, "DONE").set(DSAR_REQUESTS.FINISHED_AT, now())
        .set(DSAR_REQUESTS.AUDIT_SEQ, auditSeq).set(DSAR_REQUESTS.BUNDLE, bundle)
        .where(DSAR_REQUESTS.ID.eq(id)).execute();
  }

  /** Ends a request as {@code FAILED} with the reason (and the audit entry of what was done, if any). */
  public void fail(String id, String error, Long auditSeq) {
    String e = error == null ? "failed" : error.length() > 2000 ? error.substring(0, 2000) : error;
    dsl.update(DSAR_REQUESTS).set(DSAR_REQUESTS.STATUS, "FAILED").set(DSAR_REQUESTS.FINISHED_AT, now())
        .set(DSAR_REQUESTS.ERROR, e).set(DSAR_REQUESTS.AUDIT_SEQ, auditSeq).where(DSAR_REQUESTS.ID.eq(id))
        .execute();
  }

  /**
   * Marks the requests this node left PENDING or RUNNING when it stopped as FAILED (other nodes' requests are
   * theirs); returns how many.
   */
  public int failUnfinished(String error) {
    return dsl.update(DSAR_REQUESTS).set(DSAR_REQUESTS.STATUS, "FAILED").set(DSAR_REQUESTS.FINISHED_AT, now())
        .set(DSAR_REQUESTS.ERROR, error).where(DSAR_REQUESTS.STATUS.in("PENDING", "RUNNING"))
        .and(DSAR_REQUESTS.NODE.eq(node)).execute();
  }

  public Optional<DsarRequestEntry> find(String id) {
    return dsl.selectFrom(DSAR_REQUESTS).where(DSAR_REQUESTS.ID.eq(id)).fetchOptional().map(DsarRepository::map);
  }

  /** Newest first. */
  public List<DsarRequestEntry> list(int limit) {
    return dsl.selectFrom(DSAR_REQUESTS).orderBy(DSAR_REQUESTS.CREATED_AT.desc()).limit(limit).fetch()
        .map(DsarRepository::map);
  }

  /** The stored (encrypted) bundle of an access request, when there is one. */
  public Optional<String> bundle(String id) {
    return dsl.select(DSAR_REQUESTS.BUNDLE).from(DSAR_REQUESTS).where(DSAR_REQUESTS.ID.eq(id))
        .fetchOptional(DSAR_REQUESTS.BUNDLE);
  }

  /** Appends steps after those already stored. */
  public void addSteps(String requestId, List<DsarStepEntry> steps) {
    if (steps.isEmpty()) {
      return;
    }
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      Integer max = tx.select(org.jooq.impl.DSL.max(DSAR_STEPS.SEQ)).from(DSAR_STEPS)
          .where(DSAR_STEPS.REQUEST_ID.eq(requestId)).fetchOne(0, Integer.class);
      int seq = max == null ? 0 : max;
      for (DsarStepEntry s : steps) {
        String detail = s.detail() != null && s.detail().length() > 2000 ? s.detail().substring(0, 2000) : s.detail();
        tx.insertInto(DSAR_STEPS).set(DSAR_STEPS.REQUEST_ID, requestId).set(DSAR_STEPS.SEQ, ++seq)
            .set(DSAR_STEPS.NAMESPACE, s.namespace()).set(DSAR_STEPS.DATASET, s.dataset())
            .set(DSAR_STEPS.ACTION, s.action()).set(DSAR_STEPS.ROWS_DONE, s.rows())
            .set(DSAR_STEPS.DETAIL, detail).execute();
      }
    });
  }

  public List<DsarStepEntry> steps(String requestId) {
    return dsl.selectFrom(DSAR_STEPS).where(DSAR_STEPS.REQUEST_ID.eq(requestId)).orderBy(DSAR_STEPS.SEQ).fetch()
        .map(r -> new DsarStepEntry(r.getNamespace(), r.getDataset(), r.getAction(), r.getRowsDone(),
            r.getDetail()));
  }

  private static DsarRequestEntry map(DsarRequestsRecord r) {
    return new DsarRequestEntry(r.getId(), r.getType(), r.getStatus(), r.getRequestedBy(), r.getReason(),
        r.getIdentifiers(), r.getCreatedAt(), r.getFinishedAt(), r.getAuditSeq(), r.getError());
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
