package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.QUALITY_METRICS;

import io.cairn.catalog.jooq.tables.records.QualityMetricsRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Data quality figures per run and step, for history and trend charts. */
public final class QualityMetricsRepository {
  private final org.jooq.DSLContext dsl;

  public QualityMetricsRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Stores the figures of one step in one run, replacing any stored before for that run and step. */
  public void record(String runId, FlowId flowId, String step, Map<String, Double> metrics) {
    var now = Clock.now();
    dsl.transaction(tx -> {
      tx.dsl().deleteFrom(QUALITY_METRICS)
          .where(QUALITY_METRICS.RUN_ID.eq(runId), QUALITY_METRICS.STEP.eq(step)).execute();
      List<QualityMetricsRecord> records = new ArrayList<>();
      metrics.forEach((name, value) -> {
        QualityMetricsRecord r = tx.dsl().newRecord(QUALITY_METRICS);
        r.setRunId(runId);
        r.setFlowId(flowId.value());
        r.setStep(step);
        r.setMetric(name);
        r.setMetricValue(value);
        r.setRecordedAt(now);
        records.add(r);
      });
      tx.dsl().batchInsert(records).execute();
    });
  }

  /** The figures of the flow's last {@code limit} recorded runs and steps, oldest first (for charts). */
  public List<QualityMetricsEntry> forFlow(FlowId flowId, int limit) {
    Map<List<String>, QualityMetricsEntry> byRunAndStep = new LinkedHashMap<>();
    for (QualityMetricsRecord r : dsl.selectFrom(QUALITY_METRICS).where(QUALITY_METRICS.FLOW_ID.eq(flowId.value()))
        .orderBy(QUALITY_METRICS.RECORDED_AT.desc(), QUALITY_METRICS.RUN_ID, QUALITY_METRICS.STEP).fetch()) {
      List<String> key = List.of(r.getRunId(), r.getStep());
      if (!byRunAndStep.containsKey(key) && byRunAndStep.size() == limit) {
        break;
      }
      byRunAndStep.computeIfAbsent(key, k -> new QualityMetricsEntry(r.getRunId(), flowId, r.getStep(),
          new TreeMap<>(), r.getRecordedAt())).metrics().put(r.getMetric(), r.getMetricValue());
    }
    List<QualityMetricsEntry> out = new ArrayList<>(byRunAndStep.values());
    java.util.Collections.reverse(out);
    return out;
  }

  /** The figures of one run, per step. */
  public List<QualityMetricsEntry> forRun(String runId) {
    Map<String, QualityMetricsEntry> byStep = new LinkedHashMap<>();
    for (QualityMetricsRecord r : dsl.selectFrom(QUALITY_METRICS).where(QUALITY_METRICS.RUN_ID.eq(runId))
        .orderBy(QUALITY_METRICS.STEP).fetch()) {
      byStep.computeIfAbsent(r.getStep(), s -> new QualityMetricsEntry(runId, new FlowId(r.getFlowId()), s,
          new TreeMap<>(), r.getRecordedAt())).metrics().put(r.getMetric(), r.getMetricValue());
    }
    return List.copyOf(byStep.values());
  }
}
