package io.cairn.platform.profiles;

import io.cairn.catalog.identity.GraphSettings;
import io.cairn.profiles.identity.IdentifierType;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code identity-graph} step of a flow: adds {@code profile_id} and {@code match_reason} to every row,
 * resolving into the persisted graph. Serves the {@code profiling} purpose.
 */
final class IdentityGraphStep implements Step {
  static final String PROFILE_ID = "profile_id";
  static final String REASON = "match_reason";

  private final IdentityGraphs graphs;
  private final String graphName;
  private final Map<IdentifierType, String> identifierColumns;
  private final List<String> attributes;
  private final String recordIdColumn;
  private final List<String> rules;
  private final Double fuzzyThreshold;
  private final String region;

  IdentityGraphStep(IdentityGraphs graphs, String graphName, Map<IdentifierType, String> identifierColumns,
      List<String> attributes, String recordIdColumn, List<String> rules, Double fuzzyThreshold, String region) {
    this.graphs = graphs;
    this.graphName = graphName;
    this.identifierColumns = identifierColumns;
    this.attributes = attributes;
    this.recordIdColumn = recordIdColumn;
    this.rules = rules;
    this.fuzzyThreshold = fuzzyThreshold;
    this.region = region;
  }

  @Override
  public Schema outputSchema(Schema input) {
    for (String out : List.of(PROFILE_ID, REASON)) {
      if (input.indexOf(out).isPresent()) {
        throw new IllegalArgumentException("the input already has a column '" + out + "'");
      }
    }
    identifierColumns.values().forEach(input::require);
    if (recordIdColumn != null) {
      input.require(recordIdColumn);
    }
    List<Column> columns = new ArrayList<>(input.columns());
    columns.add(new Column(PROFILE_ID, ColumnType.STRING, false, Set.of("PII.id")));
    columns.add(new Column(REASON, ColumnType.STRING, true, Set.of()));
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
    PersistentGraph.Added added = graphs.with(new GraphSettings(graphName == null ? context.flowId() : graphName,
        rules, fuzzyThreshold, region), g -> g.add(List.copyOf(records.values())));
    Map<String, String> reasons = new HashMap<>();
    for (Link l : added.links()) {
      reasons.merge(l.from(), l.explain(), (a, b) -> a + "; " + b);
    }
    List<Row> rows = new ArrayList<>(input.size());
    records.forEach((row, rec) -> {
      Object[] v = Arrays.copyOf(row.values(), out.size());
      v[in.size()] = added.profileIds().get(rec.recordId());
      v[in.size() + 1] = reasons.get(rec.recordId());
      rows.add(row.withValues(v));
    });
    return input.with(out, rows);
  }

  private IdentityRecord record(Schema schema, Row row) {
    Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
    identifierColumns.forEach((type, column) -> ids.put(type, text(row.get(schema.require(column)))));
    Map<String, String> attrs = new HashMap<>();
    for (String a : attributes) {
      schema.indexOf(a).ifPresent(i -> attrs.put(a, text(row.get(i))));
    }
    String id = recordIdColumn == null ? row.provenance().dataset() + "#" + row.provenance().offset()
        : text(row.get(schema.require(recordIdColumn)));
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a row at " + row.provenance() + " has no record id in column '"
          + recordIdColumn + "'");
    }
    return new IdentityRecord(id, row.provenance().dataset().name(), null, ids, attrs);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  @Override
  public List<ColumnDerivation> columnLineage(Schema input) {
    List<String> inputs = new ArrayList<>(identifierColumns.values());
    attributes.stream().filter(a -> input.indexOf(a).isPresent()).forEach(inputs::add);
    return List.of(
        new ColumnDerivation(PROFILE_ID, inputs, ColumnDerivation.Kind.DERIVED,
            "identity resolution by " + String.join(", ", rules) + (fuzzyThreshold == null ? "" : ", fuzzy"),
            Set.of("PII"), Set.of("PII.id")),
        new ColumnDerivation(REASON, inputs, ColumnDerivation.Kind.DERIVED, "why the record joined its profile",
            Set.of(), Set.of()));
  }

  @Override
  public Set<Purpose> purposes() {
    return Set.of(Purpose.PROFILING);
  }
}
