package io.cairn.quality.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.PluginZip;
import io.cairn.spi.data.Batch;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built zip through PF4J: JEXL, libphonenumber and Jackson work inside the plugin class loader. */
class QualityPluginIT {
  @TempDir Path dir;

  @Test
  void theZipHoldsTheCoreAndItsLibrariesButNotTheHostsJars() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-plugin-quality-0.1.0-SNAPSHOT.jar",
            "lib/cairn-quality-core-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/libphonenumber-"))
        .anyMatch(e -> e.startsWith("lib/commons-jexl3-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j"));
  }

  @Test
  void pf4jLoadsTheStepWhichChecksAndFixesThroughThePluginClassLoader() throws Exception {
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"))) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("step-quality");
      StepFactory factory = zip.extensions(StepFactory.class).getFirst();
      assertThat(factory.name()).isEqualTo("quality");
      assertThat(factory.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());
      Step step = factory.create(factory.configDef().validate(Map.of("rules", """
          - {rule: expression, expression: "score < 100"}
          - {rule: format, column: email, format: phone, region: FR, action: fix}
          """)));
      FakeTaskContext ctx = new FakeTaskContext("it", dir);
      Batch out = step.apply(QualityStepTest.batch(new Object[] {1L, "06 12 34", 1L},
          new Object[] {2L, "0612345678", 1000L}, new Object[] {3L, "+33612345678", 5L}), ctx);
      assertThat(out.rows()).extracting(r -> r.get(0)).containsExactly(3L);
      assertThat(ctx.reasons()).containsExactly(
          "rule 'expression': expression 'score < 100' is false",
          "rule 'format:email' on column 'email': value '06 12 34' is not a valid phone number for FR "
              + "(fix 'phone to E.164' could not repair it)");
    }
  }
}
