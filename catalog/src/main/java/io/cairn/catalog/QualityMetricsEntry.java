package io.cairn.catalog;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The quality figures one step measured in one run.
 *
 * @param runId the run
 * @param flowId the flow
 * @param step the step that measured them, e.g. {@code quality}
 * @param metrics metric name to value (shares in [0, 1] and the counts behind them)
 * @param recordedAt when the run's figures were stored
 */
public record QualityMetricsEntry(String runId, FlowId flowId, String step, Map<String, Double> metrics,
    OffsetDateTime recordedAt) {}
