package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.FLOW_OFFSETS;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The committed source offsets of each flow, kept across runs so a re-run resumes after them. */
public final class OffsetRepository {
  private final DSLContext dsl;

  public OffsetRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  public Optional<String> get(FlowId flowId, String sourceKey) {
    return Optional.ofNullable(dsl.select(FLOW_OFFSETS.OFFSET_VALUE).from(FLOW_OFFSETS)
        .where(FLOW_OFFSETS.FLOW_ID.eq(flowId.value())).and(FLOW_OFFSETS.SOURCE_KEY.eq(sourceKey))
        .fetchOne(FLOW_OFFSETS.OFFSET_VALUE));
  }

  public void put(FlowId flowId, String sourceKey, String offset, String runId) {
    put(dsl, flowId, sourceKey, offset, runId);
  }

  /**
   * Commits a batch in one transaction: the records it quarantined, then the source offset after it. Either
   * both are stored or neither, so a crash never skips a quarantined record nor re-counts one.
   *
   * @param offset the new offset, or null to store only the quarantined records
   */
  public void commit(FlowId flowId, String sourceKey, String offset, String runId, List<QuarantineEntry> quarantined) {
    if (offset == null && quarantined.isEmpty()) {
      return;
    }
    dsl.transaction(cfg -> {
      QuarantineRepository.addAll(cfg.dsl(), quarantined);
      if (offset != null) {
        put(cfg.dsl(), flowId, sourceKey, offset, runId);
      }
    });
  }

  private static void put(DSLContext dsl, FlowId flowId, String sourceKey, String offset, String runId) {
    dsl.insertInto(FLOW_OFFSETS)
        .set(FLOW_OFFSETS.FLOW_ID, flowId.value()).set(FLOW_OFFSETS.SOURCE_KEY, sourceKey)
        .set(FLOW_OFFSETS.OFFSET_VALUE, offset).set(FLOW_OFFSETS.RUN_ID, runId)
        .set(FLOW_OFFSETS.UPDATED_AT, Clock.now())
        .onConflict(FLOW_OFFSETS.FLOW_ID, FLOW_OFFSETS.SOURCE_KEY).doUpdate()
        .set(FLOW_OFFSETS.OFFSET_VALUE, offset).set(FLOW_OFFSETS.RUN_ID, runId)
        .set(FLOW_OFFSETS.UPDATED_AT, Clock.now())
        .execute();
  }

  /** Forgets the flow's offsets, so its next run reads its sources from the beginning. */
  public int reset(FlowId flowId) {
    return dsl.deleteFrom(FLOW_OFFSETS).where(FLOW_OFFSETS.FLOW_ID.eq(flowId.value())).execute();
  }
}
