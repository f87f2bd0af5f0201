package io.cairn.platform.profiles;

import io.cairn.catalog.ModelEntry;
import io.cairn.profiles.models.BatchScorer;
import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scoring or clustering step: reads the model's feature columns, adds the score (a propensity's
 * probability, a lifetime value, an ONNX model's output) or the cluster. The whole batch goes to the model's
 * {@link BatchScorer} in one call. Rows whose subject consent does not permit for profiling, or with a missing
 * feature, get null. The first batch of every run puts the model version in the run's lineage as an input.
 */
final class ModelStep implements Step {
  private final HeldModel model;
  private final BatchScorer scorer;
  private final String column;
  private final boolean clusters;

  ModelStep(ModelService models, ModelEntry entry, BatchScorer scorer, String column, boolean clusters) {
    this.model = new HeldModel(models, entry);
    this.scorer = scorer;
    this.column = column;
    this.clusters = clusters;
  }

  private boolean clusters() {
    return clusters;
  }

  @Override
  public Schema outputSchema(Schema input) {
    scorer.features().forEach(input::require);
    return withColumn(input, column, clusters() ? ColumnType.LONG : ColumnType.DOUBLE);
  }

  /**
   * The input's columns and a new nullable one at the end, for the model steps.
   *
   * @throws IllegalArgumentException when the input has that column already
   */
  static Schema withColumn(Schema input, String column, ColumnType type) {
    if (input.indexOf(column).isPresent()) {
      throw new IllegalArgumentException("the input already has a column '" + column + "': choose another column");
    }
    List<Column> columns = new ArrayList<>(input.columns());
    columns.add(new Column(column, type, true, Set.of()));
    return Schema.of(columns);
  }

  /** Gives the model back: the run has ended. */
  @Override
  public void close() {
    model.release();
  }

  @Override
  public Batch apply(Batch input, TaskContext context) {
    model.usedBy(context);
    Schema in = input.schema();
    Schema out = outputSchema(in);
    int[] idx = scorer.features().stream().mapToInt(in::require).toArray();
    List<Row> rows = input.rows();
    double[] scores = scorer.scoreCells(rows.size(), idx, (r, c) -> rows.get(r).get(c),
        r -> model.permitsProfiling(rows.get(r).subjectId()));
    List<Row> outRows = new ArrayList<>(rows.size());
    int unscored = 0;
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      Object[] v = Arrays.copyOf(row.values(), out.size());
      if (Double.isNaN(scores[r])) {
        unscored++;
      } else {
        v[in.size()] = clusters() ? (Object) (long) scores[r] : (Object) scores[r];
      }
      outRows.add(row.withValues(v));
    }
    if (unscored > 0) {
      context.reportMetrics(clusters() ? "cluster" : "score", Map.of("rows", (double) rows.size(),
          "unscored", (double) unscored));
    }
    return input.with(out, outRows);
  }

  @Override
  public List<ColumnDerivation> columnLineage(Schema input) {
    return List.of(new ColumnDerivation(column, scorer.features(), ColumnDerivation.Kind.DERIVED,
        (clusters() ? "cluster of " : "score of ") + model.dataset(),
        Set.of(), Set.of()));
  }

  @Override
  public Set<Purpose> purposes() {
    return Set.of(Purpose.PROFILING);
  }
}
