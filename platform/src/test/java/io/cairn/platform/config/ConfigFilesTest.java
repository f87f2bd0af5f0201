package io.cairn.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped configuration files parse with the real configuration class (unknown keys are errors). */
class ConfigFilesTest {
  /** The factory the server itself uses (it fails on unknown properties). */
  private final ConfigurationFactory<CairnConfiguration> factory = new DefaultConfigurationFactoryFactory<
      CairnConfiguration>().create(CairnConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
  private final SubstitutingSourceProvider provider = new SubstitutingSourceProvider(
      new ClasspathOrFileSourceProvider(), new EnvironmentVariableSubstitutor(false));

  @Test
  void defaultConfigIsTheEmbeddedDefault() throws Exception {
    CairnConfiguration c = factory.build(provider, "classpath:cairn.yml");
    assertThat(c.catalog().embedded()).isTrue();
    assertThat(c.batchSize()).isEqualTo(1000);
    assertThat(c.applicationPort()).isEqualTo(8080);
  }

  @Test
  void dockerConfigUsesPostgres() throws Exception {
    Path docker = Path.of("..", "docker", "cairn.yml");
    assertThat(docker).exists();
    CairnConfiguration c = factory.build(provider, docker.toString());
    assertThat(c.catalog().embedded()).isFalse();
    assertThat(c.catalog().url()).startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(c.home().toString()).isEqualTo("/var/lib/cairn");
  }

  @Test
  void unknownKeysAndBadValuesAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "home: x\ncatalgo:\n  url: y\n");
    assertThatThrownBy(() -> factory.build(provider, bad.toString())).hasMessageContaining("catalgo");
    Files.writeString(bad, "home: x\nbatchSize: 0\n");
    assertThatThrownBy(() -> factory.build(provider, bad.toString()))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("batchSize");
    assertThatThrownBy(() -> factory.build(provider, "classpath:nope.yml"))
        .hasMessageContaining("no configuration resource 'nope.yml'");
  }
}
