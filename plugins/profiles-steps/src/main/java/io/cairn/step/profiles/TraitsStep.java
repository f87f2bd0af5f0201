package io.cairn.step.profiles;

import io.cairn.profiles.traits.Aggregate;
import io.cairn.profiles.traits.Fact;
import io.cairn.profiles.traits.ProfileTraits;
import io.cairn.profiles.traits.TraitDefinition;
import io.cairn.profiles.traits.TraitEngine;
import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds facts (orders, events) into per-profile traits. For every input batch it emits one row per profile
 * the batch touched, with the profile's traits over every fact seen so far in the run (RFM quintiles over
 * every profile seen so far), so a sink that upserts by profile id ends with the traits of the whole input.
 * Rows without a profile id or time are quarantined. Serves the {@code profiling} purpose.
 */
final class TraitsStep implements Step {
  private final TraitsSettings settings;
  private final TraitEngine engine;
  private final Schema output;
  private Instant latest = Instant.EPOCH;

  TraitsStep(TraitsSettings settings) {
    this.settings = settings;
    this.engine = new TraitEngine(settings.definition());
    this.output = schema(settings.definition());
  }

  private static Schema schema(TraitDefinition d) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("profile_id", ColumnType.STRING, false, Set.of("PII.id")));
    for (TraitDefinition.TraitSpec t : d.traits()) {
      ColumnType type = switch (Aggregate.parse(t.aggregate())) {
        case COUNT, DAYS_SINCE_LAST, DAYS_SINCE_FIRST, DISTINCT -> ColumnType.LONG;
        case SUM, AVG, MIN, MAX -> ColumnType.DOUBLE;
        case MODE -> ColumnType.STRING;
      };
      columns.add(Column.of(t.name(), type));
    }
    if (d.rfm() != null) {
      List.of("r", "f", "m").forEach(n -> columns.add(Column.of(n, ColumnType.LONG)));
      columns.add(Column.of("rfm_segment", ColumnType.STRING));
    }
    if (!d.lifecycle().isEmpty()) {
      columns.add(Column.of("lifecycle", ColumnType.STRING));
    }
    columns.add(Column.of("tags", ColumnType.STRING));
    columns.add(new Column("definition_version", ColumnType.LONG, false, Set.of()));
    return Schema.of(columns);
  }

  @Override
  public Schema outputSchema(Schema input) {
    input.require(settings.profileColumn());
    input.require(settings.timeColumn());
    return output;
  }

  @Override
  public Batch apply(Batch input, TaskContext context) {
    Schema in = input.schema();
    outputSchema(in);
    int profile = in.require(settings.profileColumn());
    int time = in.require(settings.timeColumn());
    List<Fact> facts = new ArrayList<>();
    Map<String, Provenance> touched = new LinkedHashMap<>();
    for (Row row : input.rows()) {
      Object id = row.get(profile);
      Instant at = Values.instant(row.get(time));
      if (id == null || at == null) {
        context.quarantine(row, row.toString(), "traits need a profile id ('" + settings.profileColumn()
            + "') and a time ('" + settings.timeColumn() + "')");
        continue;
      }
      Map<String, Object> values = new HashMap<>();
      for (int i = 0; i < in.size(); i++) {
        values.put(in.column(i).name(), row.get(i));
      }
      facts.add(new Fact(id.toString(), at, values));
      touched.putIfAbsent(id.toString(), row.provenance());
      latest = at.isAfter(latest) ? at : latest;
    }
    engine.add(facts);
    Map<String, ProfileTraits> all = engine.compute(settings.asOf() == null ? latest : settings.asOf());
    List<Row> rows = new ArrayList<>();
    touched.forEach((id, where) -> rows.add(new Row(values(all.get(id)), id, where)));
    return Batch.of(output, rows, input.sourceOffset());
  }

  private Object[] values(ProfileTraits t) {
    Object[] v = new Object[output.size()];
    v[0] = t.profileId();
    for (int i = 1; i < output.size() - 2; i++) {
      Object x = t.traits().get(output.column(i).name());
      v[i] = x instanceof Integer n ? Long.valueOf(n) : x;
    }
    v[output.size() - 2] = String.join(",", t.tags());
    v[output.size() - 1] = (long) t.definitionVersion();
    return v;
  }


  @Override
  public List<ColumnDerivation> columnLineage(Schema input) {
    List<ColumnDerivation> out = new ArrayList<>();
    out.add(ColumnDerivation.of("profile_id", ColumnDerivation.Kind.IDENTITY, settings.profileColumn()));
    for (TraitDefinition.TraitSpec t : settings.definition().traits()) {
      List<String> inputs = t.of() == null ? List.of(settings.timeColumn()) : List.of(t.of(), settings.timeColumn());
      out.add(new ColumnDerivation(t.name(), inputs, ColumnDerivation.Kind.AGGREGATED,
          t.aggregate() + " per profile (" + settings.definition().name() + " v" + settings.definition().version() + ")",
          Set.of(), Set.of()));
    }
    return out;
  }

  @Override
  public Set<Purpose> purposes() {
    return Set.of(Purpose.PROFILING);
  }
}
