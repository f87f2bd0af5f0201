package io.cairn.platform.testkit;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.List;

/** Upper-cases one string column. */
public final class UpperStep implements StepFactory {
  @Override
  public String name() {
    return "upper";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(ConfigProperty.builder("column", ConfigType.STRING).required().build());
  }

  @Override
  public Step create(Config config) {
    String column = config.string("column");
    return new Step() {
      @Override
      public Batch apply(Batch input, TaskContext context) {
        int i = input.schema().require(column);
        return input.withRows(input.rows().stream()
            .map(r -> r.with(i, r.get(i) == null ? null : r.get(i).toString().toUpperCase(java.util.Locale.ROOT)))
            .toList());
      }

      @Override
      public List<ColumnDerivation> columnLineage(Schema input) {
        return List.of(ColumnDerivation.of(column, ColumnDerivation.Kind.DERIVED, column));
      }
    };
  }
}
