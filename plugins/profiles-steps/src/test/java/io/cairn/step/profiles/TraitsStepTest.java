package io.cairn.step.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.datagen.DatagenConnector;
import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traits step on orders from the datagen connector. */
class TraitsStepTest {
  private static final Map<String, String> ORDERS = Map.of(
      "profileColumn", "customer_id", "timeColumn", "order_ts", "asOf", "2025-07-01T00:00:00Z");

  @TempDir Path dir;

  static List<Batch> orders(int count) throws Exception {
    DatagenConnector datagen = new DatagenConnector();
    SourceTask task = datagen.createTask(datagen.configDef().validate(Map.of("entity", "orders",
        "count", Integer.toString(count), "customers", "300", "dirtyRate", "0")));
    task.start(new FakeTaskContext("gen", Path.of("target")), null);
    List<Batch> batches = SourceTasks.drain(task, 500);
    task.stop();
    return batches;
  }

  static Step step(Map<String, String> config) {
    TraitsStepFactory f = new TraitsStepFactory();
    return f.create(f.configDef().validate(config));
  }

  @Test
  void theLastRowOfEveryProfileHoldsItsTraitsOverAllOrders() throws Exception {
    Step step = step(ORDERS);
    FakeTaskContext context = new FakeTaskContext("run", dir);
    Map<Object, Long> orderCounts = new HashMap<>();
    Map<Object, Row> latest = new HashMap<>();
    Schema out = null;
    for (Batch b : orders(3000)) {
      int customer = b.schema().require("customer_id");
      b.rows().forEach(r -> orderCounts.merge(r.get(customer), 1L, Long::sum));
      Batch o = step.apply(b, context);
      out = o.schema();
      assertThat(o.size()).isEqualTo(b.rows().stream().map(r -> r.get(customer)).distinct().count());
      o.rows().forEach(r -> latest.put(r.get(0), r));
    }
    assertThat(out.names()).startsWith("profile_id", "recency_days", "tenure_days", "frequency", "monetary")
        .endsWith("r", "f", "m", "rfm_segment", "lifecycle", "tags", "definition_version");
    int frequency = out.require("frequency");
    int segment = out.require("rfm_segment");
    int lifecycle = out.require("lifecycle");
    assertThat(latest).hasSameSizeAs(orderCounts);
    latest.forEach((id, row) -> {
      assertThat(row.get(frequency)).as("orders of " + id).isEqualTo(orderCounts.get(id));
      assertThat(row.subjectId()).isEqualTo(id);
    });
    assertThat(latest.values()).extracting(r -> r.get(segment)).contains("champions", "hibernating", "at_risk");
    assertThat(latest.values()).extracting(r -> r.get(lifecycle)).contains("active", "dormant", "churned");
    assertThat(context.quarantined()).isEmpty();
  }

  @Test
  void rowsWithoutProfileOrTimeAreQuarantined() throws Exception {
    Step step = step(ORDERS);
    FakeTaskContext context = new FakeTaskContext("run", dir);
    Batch b = orders(3).getFirst();
    int customer = b.schema().require("customer_id");
    Batch broken = b.withRows(List.of(b.rows().get(0).with(customer, null), b.rows().get(1), b.rows().get(2)));
    assertThat(step.apply(broken, context).size()).isBetween(1, 2);
    assertThat(context.reasons()).containsExactly(
        "traits need a profile id ('customer_id') and a time ('order_ts')");
  }

  @Test
  void aCustomDefinitionFileDecidesTheColumns() throws Exception {
    Path yaml = dir.resolve("traits.yml");
    Files.writeString(yaml, """
        version: 7
        name: spend
        traits:
          - {name: spend, aggregate: sum, of: amount}
          - {name: channels, aggregate: distinct, of: channel}
        tags:
          - {name: multichannel, when: "channels >= 2"}
        """);
    Map<String, String> config = new HashMap<>(ORDERS);
    config.put("definition", yaml.toString());
    Batch out = step(config).apply(orders(500).getFirst(), new FakeTaskContext("run", dir));
    assertThat(out.schema().names()).containsExactly("profile_id", "spend", "channels", "tags", "definition_version");
    assertThat(out.rows()).allMatch(r -> r.get(4).equals(7L));
    assertThat(out.rows()).anyMatch(r -> r.get(3).equals("multichannel"));
  }

  @Test
  void badDefinitionsAndTimesAreRefused() throws Exception {
    Path yaml = dir.resolve("bad.yml");
    Files.writeString(yaml, "version: 1\nname: bad\ntraits:\n  - {name: x, aggregate: median, of: amount}\n");
    assertThatThrownBy(() -> step(Map.of("timeColumn", "ts", "definition", yaml.toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown aggregate 'median'");
    assertThatThrownBy(() -> step(Map.of("timeColumn", "ts", "definition", dir.resolve("none.yml").toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
    assertThatThrownBy(() -> step(Map.of("timeColumn", "ts", "asOf", "yesterday")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("property 'asOf' must be an ISO instant");
    assertThatThrownBy(() -> step(Map.of("profileColumn", "customer_id", "timeColumn", "ts"))
        .outputSchema(orders(1).getFirst().schema()))
        .hasMessageContaining("no column 'ts'");
  }
}
