package io.cairn.platform.profiles;

import io.cairn.catalog.ModelEntry;
import io.cairn.profiles.models.ItemRecommender;
import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One recommending step: reads a profile's items (a separated string, or a list), adds its top-N recommended
 * items as one separated string, best first. Rows whose subject consent does not permit for profiling, or
 * without items, get null. The first batch of every run puts the model version in the run's lineage.
 */
final class RecommendStep implements Step {
  private final HeldModel held;
  private final ItemRecommender model;
  private final String items;
  private final int n;
  private final String separator;
  private final Pattern split;
  private final String column;

  RecommendStep(ModelService models, ModelEntry entry, ItemRecommender model, String items, int n, String separator,
      String column) {
    this.held = new HeldModel(models, entry);
    this.model = model;
    this.items = items;
    this.n = n;
    this.separator = separator;
    this.split = Pattern.compile(Pattern.quote(separator));
    this.column = column;
  }

  @Override
  public Schema outputSchema(Schema input) {
    input.require(items);
    return ModelStep.withColumn(input, column, ColumnType.STRING);
  }

  /** Gives the model back: the run has ended. */
  @Override
  public void close() {
    held.release();
  }

  @Override
  public Batch apply(Batch input, TaskContext context) {
    held.usedBy(context);
    Schema in = input.schema();
    Schema out = outputSchema(in);
    int from = in.require(items);
    List<Row> outRows = new ArrayList<>(input.rows().size());
    int skipped = 0;
    for (Row row : input.rows()) {
      Set<String> have = have(row.get(from));
      String subject = row.subjectId();
      Object[] v = Arrays.copyOf(row.values(), out.size());
      if (have == null || !held.permitsProfiling(subject)) {
        skipped++;
      } else {
        v[in.size()] = String.join(separator, model.recommend(have, n));
      }
      outRows.add(row.withValues(v));
    }
    if (skipped > 0) {
      context.reportMetrics("recommend", Map.of("rows", (double) input.rows().size(), "skipped", (double) skipped));
    }
    return input.with(out, outRows);
  }

  private Set<String> have(Object cell) {
    Set<String> have = new LinkedHashSet<>();
    if (cell instanceof Collection<?> list) {
      list.forEach(i -> have.add(String.valueOf(i).strip()));
    } else if (cell instanceof String s) {
      for (String i : split.split(s)) {
        have.add(i.strip());
      }
    } else {
      return null;
    }
    have.remove("");
    return have;
  }

  @Override
  public List<ColumnDerivation> columnLineage(Schema input) {
    return List.of(new ColumnDerivation(column, List.of(items), ColumnDerivation.Kind.DERIVED,
        "recommendations of " + held.dataset(), Set.of(), Set.of()));
  }

  @Override
  public Set<Purpose> purposes() {
    return Set.of(Purpose.PROFILING);
  }
}
