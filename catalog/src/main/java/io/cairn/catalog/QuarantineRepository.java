package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.QUARANTINE;

import io.cairn.catalog.jooq.tables.records.QuarantineRecord;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** Quarantined records. */
public final class QuarantineRepository {
  private final DSLContext dsl;

  public QuarantineRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Stores records in one batch; ids and timestamps of the arguments are ignored. */
  public void addAll(List<QuarantineEntry> entries) {
    addAll(dsl, entries);
  }

  /** Stores records with the given (possibly transactional) context. */
  static void addAll(DSLContext dsl, List<QuarantineEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    var now = Clock.now();
    List<QuarantineRecord> records = new ArrayList<>(entries.size());
    for (QuarantineEntry e : entries) {
      QuarantineRecord r = dsl.newRecord(QUARANTINE);
      r.setRunId(e.runId());
      r.setFlowId(e.flowId().value());
      r.setDatasetNamespace(e.datasetNamespace());
      r.setDatasetName(e.datasetName());
      r.setSourceOffset(e.sourceOffset());
      r.setReason(e.reason().length() > 4000 ? e.reason().substring(0, 4000) : e.reason());
      r.setPayload(e.payload());
      r.setSubjectId(e.subjectId() == null || e.subjectId().length() > 512 ? null : e.subjectId());
      r.setCreatedAt(now);
      r.changed(QUARANTINE.ID, false);
      records.add(r);
    }
    dsl.batchInsert(records).execute();
  }

  public List<QuarantineEntry> forRun(String runId, int offset, int limit) {
    return dsl.selectFrom(QUARANTINE).where(QUARANTINE.RUN_ID.eq(runId)).orderBy(QUARANTINE.ID)
        .offset(offset).limit(limit).fetch().map(QuarantineRepository::map);
  }

  public List<QuarantineEntry> forFlow(FlowId flowId, int offset, int limit) {
    return dsl.selectFrom(QUARANTINE).where(QUARANTINE.FLOW_ID.eq(flowId.value())).orderBy(QUARANTINE.ID.desc())
        .offset(offset).limit(limit).fetch().map(QuarantineRepository::map);
  }

  public int countForRun(String runId) {
    return dsl.fetchCount(QUARANTINE, QUARANTINE.RUN_ID.eq(runId));
  }

  private static QuarantineEntry map(QuarantineRecord r) {
    return new QuarantineEntry(r.getId(), r.getRunId(), new FlowId(r.getFlowId()), r.getDatasetNamespace(),
        r.getDatasetName(), r.getSourceOffset(), r.getReason(), r.getPayload(), r.getCreatedAt(), r.getSubjectId());
  }
}
