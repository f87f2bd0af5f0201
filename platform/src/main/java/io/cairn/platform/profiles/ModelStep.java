package io.cairn.platform.profiles;

import io.cairn.catalog.ModelEntry;
import io.cairn.profiles.models.ModelArtifact;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * One scoring or clustering step: reads the model's feature columns, adds the score or cluster. Rows whose
 * subject consent does not permit for profiling, or with a missing feature, get null. The first batch of
 * every run puts the model version in the run's lineage as an input.
 */
final class ModelStep implements Step {
  private final ModelService models;
  private final ModelEntry entry;
  private final ModelArtifact artifact;
  private final String column;
  private final Set<String> runsInLineage = ConcurrentHashMap.newKeySet();

  ModelStep(ModelService models, ModelEntry entry, ModelArtifact artifact, String column) {
    this.models = models;
    this.entry = entry;
    this.artifact = artifact;
    this.column = column;
  }

  private boolean clusters() {
    return artifact.kind() == ModelArtifact.Kind.KMEANS;
  }

  @Override
  public Schema outputSchema(Schema input) {
    if (input.indexOf(column).isPresent()) {
      throw new IllegalArgumentException("the input already has a column '" + column + "': choose another column");
    }
    artifact.features().forEach(input::require);
    List<Column> columns = new ArrayList<>(input.columns());
    columns.add(new Column(column, clusters() ? ColumnType.LONG : ColumnType.DOUBLE, true, Set.of()));
    return Schema.of(columns);
  }

  @Override
  public Batch apply(Batch input, TaskContext context) {
    if (runsInLineage.add(context.runId())) {
      models.lineage().used(context.flowId(), context.runId(), entry.name(), entry.version());
    }
    Schema in = input.schema();
    Schema out = outputSchema(in);
    int[] idx = artifact.features().stream().mapToInt(in::require).toArray();
    List<Integer> scored = new ArrayList<>();
    List<double[]> x = new ArrayList<>();
    List<Row> rows = input.rows();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      double[] v = features(row, idx);
      if (v != null && (row.subjectId() == null || models.consent().permits(row.subjectId(), Purpose.PROFILING))) {
        scored.add(r);
        x.add(v);
      }
    }
    double[] scores = artifact.score(x.toArray(double[][]::new));
    Object[] results = new Object[rows.size()];
    for (int i = 0; i < scored.size(); i++) {
      results[scored.get(i)] = clusters() ? (Object) (long) scores[i] : (Object) scores[i];
    }
    List<Row> outRows = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Object[] v = Arrays.copyOf(rows.get(r).values(), out.size());
      v[in.size()] = results[r];
      outRows.add(rows.get(r).withValues(v));
    }
    if (scored.size() < rows.size()) {
      context.reportMetrics(clusters() ? "cluster" : "score", Map.of("rows", (double) rows.size(),
          "unscored", (double) (rows.size() - scored.size())));
    }
    return input.with(out, outRows);
  }

  private static double[] features(Row row, int[] idx) {
    double[] v = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      if (!(row.get(idx[i]) instanceof Number n)) {
        return null;
      }
      v[i] = n.doubleValue();
    }
    return v;
  }

  @Override
  public List<ColumnDerivation> columnLineage(Schema input) {
    return List.of(new ColumnDerivation(column, artifact.features(), ColumnDerivation.Kind.DERIVED,
        (clusters() ? "cluster of " : "score of ") + ModelLineage.dataset(entry.name(), entry.version()),
        Set.of(), Set.of()));
  }

  @Override
  public Set<Purpose> purposes() {
    return Set.of(Purpose.PROFILING);
  }
}
