package io.cairn.platform.lineage;

import io.cairn.platform.plugins.ExtensionRegistry;
import io.cairn.platform.testkit.FakeExtensions;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's test fakes plus a {@code hash} step: replaces a column by {@code <column>_hash}, declared
 * as MASKED, removing the {@code PII} tags and adding {@code PII.pseudonymised}.
 */
final class LineageExtensions implements ExtensionRegistry {
  final FakeExtensions fakes = new FakeExtensions();
  private final StepFactory hash = new HashStep();

  @Override
  public Optional<SourceConnector> source(String name) {
    return fakes.source(name);
  }

  @Override
  public Optional<SinkConnector> sink(String name) {
    return fakes.sink(name);
  }

  @Override
  public Optional<StepFactory> step(String name) {
    return name.equals("hash") ? Optional.of(hash) : fakes.step(name);
  }

  @Override
  public Optional<String> pluginOf(String kind, String name) {
    return kind.equals("step") && name.equals("hash") ? Optional.of("test-plugin") : fakes.pluginOf(kind, name);
  }

  /** Hashes one column into a new one and drops the original. */
  static final class HashStep implements StepFactory {
    @Override
    public String name() {
      return "hash";
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
        public Schema outputSchema(Schema input) {
          List<Column> cols = new ArrayList<>();
          for (Column c : input.columns()) {
            cols.add(c.name().equals(column) ? new Column(column + "_hash", ColumnType.STRING, true,
                Set.of("PII.pseudonymised")) : c);
          }
          return Schema.of(cols);
        }

        @Override
        public Batch apply(Batch input, TaskContext context) {
          int i = input.schema().require(column);
          List<Row> rows = input.rows().stream().map(r -> r.with(i, r.get(i) == null ? null
              : Integer.toHexString(r.get(i).hashCode()))).toList();
          return input.with(outputSchema(input.schema()), rows);
        }

        @Override
        public List<ColumnDerivation> columnLineage(Schema input) {
          return List.of(new ColumnDerivation(column + "_hash", List.of(column), ColumnDerivation.Kind.MASKED,
              "hex of hashCode", Set.of("PII"), Set.of("PII.pseudonymised")));
        }
      };
    }
  }
}
