package io.cairn.platform.quality;

import io.cairn.catalog.FlowId;
import io.cairn.catalog.QualityMetricsRepository;
import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.quality.rules.Outcome;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums the counts the steps of each run report (quality steps: rows, valid rows, present cells, checked
 * keys...) and stores them with their shares (completeness, validity, uniqueness) in the catalog when the
 * run ends, whatever its state. Thread-safe; a failure to store is logged and never fails the run.
 */
public final class QualityMetricsRecorder implements GovernanceHook {
  private static final Logger LOG = LoggerFactory.getLogger(QualityMetricsRecorder.class);

  private final QualityMetricsRepository repository;
  private final Map<String, Map<String, Map<String, Double>>> byRun = new ConcurrentHashMap<>();
  private volatile FiguresListener listener = (run, step, figures) -> {};

  /** Told the figures of each step of each run once they are stored (e.g. to alert on thresholds). */
  @FunctionalInterface
  public interface FiguresListener {
    void onFigures(RunScope run, String step, Map<String, Double> figures);
  }

  public void setListener(FiguresListener listener) {
    this.listener = listener;
  }

  public QualityMetricsRecorder(QualityMetricsRepository repository) {
    this.repository = repository;
  }

  @Override
  public void onMetrics(RunScope run, String name, Map<String, Double> counts) {
    Map<String, Map<String, Double>> names = byRun.computeIfAbsent(run.runId(), r -> new HashMap<>());
    synchronized (names) {
      Map<String, Double> sums = names.computeIfAbsent(name, n -> new HashMap<>());
      counts.forEach((metric, value) -> sums.merge(metric, value, Double::sum));
    }
  }

  /** The run-level counts only: per column and per rule details ({@code column.x.nullCount}) go to lineage. */
  static Map<String, Double> stored(Map<String, Double> sums) {
    Map<String, Double> kept = new HashMap<>();
    sums.forEach((k, v) -> {
      if (k.indexOf('.') < 0) {
        kept.put(k, v);
      }
    });
    return kept;
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    Map<String, Map<String, Double>> names = byRun.remove(run.runId());
    if (names == null) {
      return;
    }
    synchronized (names) {
      names.forEach((name, sums) -> {
        try {
          Map<String, Double> figures = Outcome.Metrics.figures(stored(sums));
          repository.record(run.runId(), new FlowId(run.flowId()), name, figures);
          listener.onFigures(run, name, figures);
        } catch (RuntimeException e) {
          LOG.error("flow {} run {}: quality figures of '{}' were not stored: {}", run.flowId(), run.runId(), name,
              e.toString());
        }
      });
    }
  }
}
