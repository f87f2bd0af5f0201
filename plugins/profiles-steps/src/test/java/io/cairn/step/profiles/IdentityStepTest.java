package io.cairn.step.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.datagen.DatagenConnector;
import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.spi.Purpose;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity step on customers from the datagen connector, which plants near-duplicates. */
class IdentityStepTest {
  static final Map<String, String> CUSTOMERS = Map.of(
      "identifier.email", "email", "identifier.phone", "phone", "identifier.crm_id", "crm_id",
      "identifier.device_id", "device_id", "recordIdColumn", "customer_id", "timestampColumn", "signup_ts",
      "fuzzy", "true");

  @TempDir Path dir;

  static List<Batch> customers(int count, double duplicateRate) throws Exception {
    DatagenConnector datagen = new DatagenConnector();
    SourceTask task = datagen.createTask(datagen.configDef().validate(Map.of("entity", "customers",
        "count", Integer.toString(count), "customers", Integer.toString(count),
        "duplicateRate", Double.toString(duplicateRate), "dirtyRate", "0")));
    task.start(new FakeTaskContext("gen", Path.of("target")), null);
    List<Batch> batches = SourceTasks.drain(task, 250);
    task.stop();
    return batches;
  }

  static Step step(Map<String, String> config) {
    IdentityStepFactory f = new IdentityStepFactory();
    return f.create(f.configDef().validate(config));
  }

  @Test
  void plantedDuplicatesJoinTheirOriginalsProfileWithAReason() throws Exception {
    Step step = step(CUSTOMERS);
    FakeTaskContext context = new FakeTaskContext("run", dir);
    step.open(context);
    List<Row> out = new ArrayList<>();
    Schema schema = null;
    for (Batch b : customers(2000, 0.1)) {
      Batch o = step.apply(b, context);
      schema = o.schema();
      out.addAll(o.rows());
    }
    step.close();
    int profileId = schema.require("profile_id");
    int reason = schema.require("match_reason");
    Map<Object, Integer> sizes = new HashMap<>();
    out.forEach(r -> sizes.merge(r.get(profileId), 1, Integer::sum));
    long withReason = out.stream().filter(r -> r.get(reason) != null).count();
    // about 10% of 2000 customers are planted duplicates; a device shared is no reason on its own
    assertThat(out).hasSize(2000);
    assertThat(2000 - sizes.size()).isBetween(150, 250);
    assertThat(withReason).isBetween(150L, 260L);
    assertThat(out).filteredOn(r -> r.get(reason) != null)
        .allMatch(r -> ((String) r.get(reason)).matches(".* -> .* by (email|phone|crm_id|fuzzy) \\(.*\\).*"));
    assertThat(context.quarantined()).isEmpty();
  }

  @Test
  void declaresItsOutputLineageAndPurpose() throws Exception {
    Step step = step(CUSTOMERS);
    Schema in = customers(1, 0).getFirst().schema();
    assertThat(step.outputSchema(in).names()).endsWith("profile_id", "match_reason");
    assertThat(step.outputSchema(in).column(in.size()).tags()).containsExactly("PII.id");
    assertThat(step.columnLineage(in)).extracting(ColumnDerivation::output).containsExactly("profile_id", "match_reason");
    assertThat(step.columnLineage(in).getFirst().inputs()).contains("email", "phone", "first_name", "postcode");
    assertThat(step.columnLineage(in).getFirst().description())
        .isEqualTo("identity resolution by crm_id, email, phone, fuzzy names and addresses");
    assertThat(step.purposes()).isEqualTo(Set.of(Purpose.PROFILING));
  }

  @Test
  void aMissingColumnOrAClashingOutputIsReportedByName() throws Exception {
    Schema in = customers(1, 0).getFirst().schema();
    assertThatThrownBy(() -> step(Map.of("identifier.email", "mail")).outputSchema(in))
        .hasMessageContaining("no column 'mail'");
    assertThatThrownBy(() -> step(Map.of("identifier.email", "email", "profileIdColumn", "city")).outputSchema(in))
        .hasMessageContaining("already has a column 'city'");
  }

  @Test
  void badConfigurationIsRefusedWithEveryProblem() {
    assertThatThrownBy(() -> step(Map.of("identifier.email", "email", "rules", "email++phone", "region", "XX",
        "fuzzy", "true", "fuzzy.threshold", "2")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
        .hasMessageContaining("has an empty part")
        .hasMessageContaining("unknown phone region 'XX'")
        .hasMessageContaining("threshold must be in (0, 1]");
    assertThatThrownBy(() -> step(Map.of()))
        .hasMessageContaining("no match rule applies: map an identifier column");
  }
}
