package io.cairn.quality.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.quality.gx.BadExpectationException;
import io.cairn.quality.gx.GxSuite;
import io.cairn.quality.rules.Action;
import io.cairn.quality.rules.Outcome;
import io.cairn.quality.rules.QualityFailure;
import io.cairn.quality.rules.RuleSet;
import io.cairn.quality.rules.Violation;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a rule set to each batch: quarantined rows go to {@link TaskContext#quarantine} with the rule and
 * the offending value, warnings are logged, fixed values replace the originals (converted back to the
 * column's type; a fix whose result does not fit the type quarantines the row), and a broken fail-action
 * rule fails the run after the quarantine is written. Each batch's quality counts are reported to the host
 * (completeness, validity and uniqueness history). One thread at a time, as every step.
 */
final class QualityStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(QualityStep.class);
  private static final int WARNINGS_LOGGED_PER_BATCH = 10;
  /** The name under which the step reports its counts (see {@link TaskContext#reportMetrics}). */
  static final String METRICS_NAME = "quality";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleSet rules;
  private String suiteName;
  private final Action suiteAction;

  QualityStep(RuleSet rules, String suiteName, Action suiteAction) {
    this.rules = rules;
    this.suiteName = suiteName;
    this.suiteAction = suiteAction;
  }

  /**
   * Adds the stored suite named by {@code suiteName} on the first batch: the host keeps stored suites in
   * {@code <home>/quality/suites/<name>.gx.json}, two folders above a flow's work folder
   * ({@code <home>/flows/<flow>}).
   */
  private void loadStoredSuite(TaskContext context) {
    if (suiteName == null) {
      return;
    }
    Path file = context.workDir().toAbsolutePath().getParent().getParent().resolve("quality").resolve("suites")
        .resolve(suiteName + ".gx.json");
    try {
      rules = rules.withSuite(GxSuite.parse(Files.readString(file)), suiteAction);
    } catch (NoSuchFileException e) {
      throw new QualityFailure("no stored quality suite '" + suiteName + "' (save it with POST /api/v1/quality/suites)");
    } catch (IOException | BadExpectationException e) {
      throw new QualityFailure("stored quality suite '" + suiteName + "' could not be read: " + e.getMessage());
    }
    suiteName = null;
  }

  @Override
  public Batch apply(Batch input, TaskContext context) {
    loadStoredSuite(context);
    Schema schema = input.schema();
    List<Object[]> values = input.rows().stream().map(Row::values).toList();
    Outcome outcome = rules.apply(schema.names(), values);
    for (Violation v : outcome.quarantined()) {
      quarantine(context, schema, input.rows().get(v.row()), v.reason());
    }
    outcome.warnings().stream().limit(WARNINGS_LOGGED_PER_BATCH).forEach(v ->
        LOG.warn("flow {} run {}: {} [{}]", context.flowId(), context.runId(), v.reason(), v.severity()));
    context.reportMetrics(METRICS_NAME, outcome.metrics().counts());
    outcome.throwIfFailed();
    List<Row> out = new ArrayList<>(outcome.rows().size());
    for (Outcome.Kept kept : outcome.rows()) {
      Row original = input.rows().get(kept.origin());
      Object[] fixed = kept.values().clone();
      String problem = Typing.conform(schema, fixed);
      if (problem != null) {
        quarantine(context, schema, original, problem);
      } else {
        out.add(original.withValues(fixed));
      }
    }
    Outcome.Metrics m = outcome.metrics();
    LOG.debug("flow {} run {}: {} rows, completeness {}, validity {}, uniqueness {}, {} fixed, {} duplicates",
        context.flowId(), context.runId(), m.rows(), m.completeness(), m.validity(), m.uniqueness(), m.fixed(),
        m.duplicatesRemoved());
    return input.withRows(out);
  }

  /** Quarantines the row as a JSON object of its values, which a steward can fix and replay. */
  private static void quarantine(TaskContext context, Schema schema, Row row, String reason) {
    Map<String, Object> record = new LinkedHashMap<>();
    for (int i = 0; i < schema.size(); i++) {
      Object v = row.get(i);
      record.put(schema.column(i).name(), v == null || v instanceof Number || v instanceof Boolean
          || v instanceof String ? v : v.toString());
    }
    String payload;
    try {
      payload = JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      payload = record.toString();
    }
    context.quarantine(row, payload, reason);
  }

  @Override
  public List<ColumnDerivation> columnLineage(Schema input) {
    List<ColumnDerivation> lineage = new ArrayList<>();
    rules.fixedColumns().forEach((column, how) -> {
      if (input.indexOf(column).isPresent()) {
        lineage.add(new ColumnDerivation(column, List.of(column), ColumnDerivation.Kind.DERIVED, how,
            Set.of(), Set.of()));
      }
    });
    return lineage;
  }
}
