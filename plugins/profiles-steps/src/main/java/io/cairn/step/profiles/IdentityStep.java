package io.cairn.step.profiles;

import io.cairn.profiles.identity.IdentifierType;
import io.cairn.profiles.identity.IdentityGraph;
import io.cairn.profiles.identity.IdentityRecord;
import io.cairn.profiles.identity.Link;
import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the rows' identities into profiles, batch by batch, in one identity graph per run: every row
 * leaves with the id of its profile at that moment and, when it joined a profile, why. A later batch can
 * merge profiles; the older profile's id survives. Serves the {@code profiling} purpose.
 */
final class IdentityStep implements Step {
  private final IdentitySettings settings;
  private final IdentityGraph graph;

  IdentityStep(IdentitySettings settings) {
    this.settings = settings;
    this.graph = settings.newGraph();
  }

  @Override
  public Schema outputSchema(Schema input) {
    for (String out : List.of(settings.profileIdColumn(), settings.reasonColumn())) {
      if (input.indexOf(out).isPresent()) {
        throw new IllegalArgumentException("the input already has a column '" + out
            + "': choose another profileIdColumn or reasonColumn");
      }
    }
    settings.identifierColumns().values().forEach(input::require);
    if (settings.recordIdColumn() != null) {
      input.require(settings.recordIdColumn());
    }
    if (settings.timestampColumn() != null) {
      input.require(settings.timestampColumn());
    }
    List<Column> columns = new ArrayList<>(input.columns());
    columns.add(new Column(settings.profileIdColumn(), ColumnType.STRING, false, Set.of("PII.id")));
    columns.add(new Column(settings.reasonColumn(), ColumnType.STRING, true, Set.of()));
    return Schema.of(columns);
  }

  @Override
  public Batch apply(Batch input, TaskContext context) {
    Schema in = input.schema();
    Schema out = outputSchema(in);
    Map<Row, IdentityRecord> records = new LinkedHashMap<>();
    for (Row row : input.rows()) {
      records.put(row, record(in, row));
    }
    Map<String, String> reasons = new HashMap<>();
    for (Link l : graph.add(records.values())) {
      reasons.merge(l.from(), l.explain(), (a, b) -> a + "; " + b);
    }
    List<Row> rows = new ArrayList<>(input.size());
    records.forEach((row, rec) -> {
      Object[] v = java.util.Arrays.copyOf(row.values(), out.size());
      v[in.size()] = graph.profileId(rec.recordId());
      v[in.size() + 1] = reasons.get(rec.recordId());
      rows.add(row.withValues(v));
    });
    return input.with(out, rows);
  }

  private IdentityRecord record(Schema schema, Row row) {
    Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
    settings.identifierColumns().forEach((type, column) -> ids.put(type, text(row.get(schema.require(column)))));
    Map<String, String> attrs = new HashMap<>();
    for (String a : settings.attributes()) {
      schema.indexOf(a).ifPresent(i -> attrs.put(a, text(row.get(i))));
    }
    String id = settings.recordIdColumn() == null
        ? row.provenance().dataset() + "#" + row.provenance().offset()
        : text(row.get(schema.require(settings.recordIdColumn())));
    if (id == null) {
      throw new IllegalArgumentException("a row at " + row.provenance() + " has no record id in column '"
          + settings.recordIdColumn() + "'");
    }
    Instant seen = settings.timestampColumn() == null ? null : Values.instant(row.get(schema.require(settings.timestampColumn())));
    return new IdentityRecord(id, row.provenance().dataset().name(), seen, ids, attrs);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }


  @Override
  public List<ColumnDerivation> columnLineage(Schema input) {
    List<String> inputs = new ArrayList<>(settings.identifierColumns().values());
    settings.attributes().stream().filter(a -> input.indexOf(a).isPresent()).forEach(inputs::add);
    String description = "identity resolution by " + settings.rules().stream().map(r -> r.name())
        .collect(Collectors.joining(", ")) + (settings.fuzzy() == null ? "" : ", fuzzy names and addresses");
    return List.of(
        new ColumnDerivation(settings.profileIdColumn(), inputs, ColumnDerivation.Kind.DERIVED, description,
            Set.of("PII"), Set.of("PII.id")),
        new ColumnDerivation(settings.reasonColumn(), inputs, ColumnDerivation.Kind.DERIVED,
            "why the record joined its profile", Set.of(), Set.of()));
  }

  @Override
  public Set<Purpose> purposes() {
    return Set.of(Purpose.PROFILING);
  }
}
