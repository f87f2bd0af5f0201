package io.cairn.step.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import io.cairn.spi.step.Step;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule segments over the traits step's output, computed from datagen orders. */
class SegmentStepTest {
  @TempDir Path dir;

  private static Step step(Map<String, String> config) {
    SegmentStepFactory f = new SegmentStepFactory();
    return f.create(f.configDef().validate(config));
  }

  @Test
  void rowsAreTaggedWithTheSegmentsTheirTraitsSatisfy() throws Exception {
    FakeTaskContext context = new FakeTaskContext("run", dir);
    Batch traits = TraitsStepTest.step(Map.of("profileColumn", "customer_id", "timeColumn", "order_ts",
        "asOf", "2025-07-01T00:00:00Z")).apply(TraitsStepTest.orders(2000).getFirst(), context);
    Step step = step(Map.of("rules", "vip = monetary >= 1000; repeat = frequency >= 2 && lifecycle != 'churned';"));
    Batch out = step.apply(traits, context);
    int segments = out.schema().require("segments");
    int monetary = out.schema().require("monetary");
    assertThat(out.size()).isEqualTo(traits.size());
    for (Row r : out.rows()) {
      assertThat(((String) r.get(segments)).contains("vip")).isEqualTo((double) r.get(monetary) >= 1000);
    }
    assertThat(out.rows()).extracting(r -> r.get(segments)).contains("vip,repeat", "repeat", "");
    assertThat(context.quarantined()).isEmpty();
  }

  @Test
  void rowsARuleCannotEvaluateAreQuarantined() throws Exception {
    FakeTaskContext context = new FakeTaskContext("run", dir);
    Batch orders = TraitsStepTest.orders(5).getFirst();
    Batch out = step(Map.of("rules", "vip = monetary >= 1000")).apply(orders, context);
    assertThat(out.isEmpty()).isTrue();
    assertThat(context.reasons()).hasSize(orders.size()).allMatch(m -> m.contains("monetary"));
  }

  @Test
  void badRulesAreRefused() {
    assertThatThrownBy(() -> step(Map.of("rules", "VIP = x > 1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must read name = condition");
    assertThatThrownBy(() -> step(Map.of("rules", "vip = x >")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("segment 'vip': expression 'x >' does not parse");
    assertThatThrownBy(() -> step(Map.of("rules", " ; ")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("no segment rules given");
  }
}
