package io.cairn.step.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.PluginZip;
import io.cairn.spi.data.Batch;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of the built zip: PF4J loads it as the host does and the steps run in the plugin loader. */
class ProfilesPluginIT {
  @TempDir Path dir;

  @Test
  void theZipHoldsTheDescriptorTheLibraryAndNoHostJars() throws Exception {
    assertThat(PluginZip.entries(PluginZip.builtZip()))
        .contains("plugin.properties", "lib/cairn-step-profiles-0.1.0-SNAPSHOT.jar",
            "lib/cairn-profiles-core-0.1.0-SNAPSHOT.jar")
        .anyMatch(e -> e.startsWith("lib/libphonenumber-"))
        .anyMatch(e -> e.startsWith("lib/commons-text-"))
        .noneMatch(e -> e.contains("cairn-plugin-api") || e.contains("pf4j") || e.contains("slf4j")
            || e.contains("datafaker") || e.contains("connector"));
  }

  @Test
  void pf4jLoadsTheIdentityStepWhichResolvesThroughThePluginClassLoader() throws Exception {
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"))) {
      assertThat(zip.plugin().getPluginId()).isEqualTo("step-profiles");
      List<StepFactory> steps = zip.extensions(StepFactory.class);
      assertThat(steps).extracting(StepFactory::name).containsExactlyInAnyOrder("identity", "traits", "segment");
      StepFactory identity = steps.stream().filter(s -> s.name().equals("identity")).findFirst().orElseThrow();
      assertThat(identity.getClass().getClassLoader()).isSameAs(zip.plugin().getPluginClassLoader());

      Step step = identity.create(identity.configDef().validate(IdentityStepTest.CUSTOMERS));
      FakeTaskContext context = new FakeTaskContext("it", dir);
      step.open(context);
      int rows = 0;
      java.util.Set<Object> profiles = new java.util.HashSet<>();
      for (Batch b : IdentityStepTest.customers(300, 0.2)) {
        Batch out = step.apply(b, context);
        int p = out.schema().require("profile_id");
        out.rows().forEach(r -> profiles.add(r.get(p)));
        rows += out.size();
      }
      step.close();
      assertThat(rows).isEqualTo(300);
      assertThat(profiles.size()).isBetween(200, 290);
    }
  }

  @Test
  void theTraitsStepReadsItsBuiltInYamlAndRunsJexlInThePluginClassLoader() throws Exception {
    try (PluginZip zip = PluginZip.load(PluginZip.builtZip(), dir.resolve("plugins"))) {
      StepFactory traits = zip.extensions(StepFactory.class).stream().filter(s -> s.name().equals("traits"))
          .findFirst().orElseThrow();
      Step step = traits.create(traits.configDef().validate(java.util.Map.of(
          "profileColumn", "customer_id", "timeColumn", "order_ts")));
      Batch out = step.apply(TraitsStepTest.orders(400).getFirst(), new FakeTaskContext("it", dir));
      int segment = out.schema().require("rfm_segment");
      assertThat(out.rows()).isNotEmpty().allMatch(r -> r.get(segment) != null);
    }
  }
}
