package io.cairn.step.profiles;

import io.cairn.profiles.segments.RuleSegments;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags every row (a profile's traits) with the rule segments it belongs to, as a comma-separated list in
 * one output column. A row whose traits a rule cannot evaluate (e.g. a trait is missing) is quarantined
 * with the reason. Serves the {@code profiling} purpose.
 */
final class SegmentStep implements Step {
  private final RuleSegments segments;
  private final String column;

  SegmentStep(RuleSegments segments, String column) {
    this.segments = segments;
    this.column = column;
  }

  @Override
  public Schema outputSchema(Schema input) {
    if (input.indexOf(column).isPresent()) {
      throw new IllegalArgumentException("the input already has a column '" + column + "': set another column");
    }
    List<Column> columns = new ArrayList<>(input.columns());
    columns.add(Column.of(column, ColumnType.STRING));
    return Schema.of(columns);
  }

  @Override
  public Batch apply(Batch input, TaskContext context) {
    Schema in = input.schema();
    Schema out = outputSchema(in);
    List<Row> rows = new ArrayList<>(input.size());
    for (Row row : input.rows()) {
      Map<String, Object> traits = new HashMap<>();
      for (int i = 0; i < in.size(); i++) {
        traits.put(in.column(i).name(), row.get(i));
      }
      try {
        List<String> names = segments.segmentsOf(traits);
        Object[] v = java.util.Arrays.copyOf(row.values(), out.size());
        v[in.size()] = String.join(",", names);
        rows.add(row.withValues(v));
      } catch (IllegalArgumentException e) {
        context.quarantine(row, row.toString(), e.getMessage());
      }
    }
    return input.with(out, rows);
  }

  @Override
  public List<ColumnDerivation> columnLineage(Schema input) {
    return List.of(new ColumnDerivation(column, input.names(), ColumnDerivation.Kind.DERIVED,
        "rule segments the row's traits satisfy", Set.of(), Set.of()));
  }

  @Override
  public Set<Purpose> purposes() {
    return Set.of(Purpose.PROFILING);
  }

  /**
   * Parses {@code name = condition; name = condition}.
   *
   * @throws IllegalArgumentException naming the part that is not {@code name = condition}
   */
  static Map<String, String> parseRules(String text) {
    Map<String, String> rules = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? "" : part.substring(0, eq).strip();
      if (!name.matches("[a-z][a-z0-9_]{0,63}") || part.substring(eq + 1).isBlank()) {
        throw new IllegalArgumentException("segment rule '" + part.strip()
            + "' must read name = condition, with a lower-case name");
      }
      rules.put(name, part.substring(eq + 1).strip());
    }
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("no segment rules given");
    }
    return rules;
  }
}
