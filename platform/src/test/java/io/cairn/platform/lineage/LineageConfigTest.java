package io.cairn.platform.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.platform.config.CairnConfiguration;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.KafkaTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lineage:} configuration section, read the way the server reads it. */
class LineageConfigTest {
  private final ConfigurationFactory<CairnConfiguration> factory = new DefaultConfigurationFactoryFactory<
      CairnConfiguration>().create(CairnConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

  @TempDir
  Path dir;

  private LineageConfig read(String yaml) throws Exception {
    Path file = dir.resolve("c.yml");
    Files.writeString(file, "home: x\n" + yaml);
    return factory.build(new FileConfigurationSourceProvider(), file.toString()).lineage();
  }

  @Test
  void defaultsAndTransports() throws Exception {
    LineageConfig defaults = read("");
    assertThat(defaults.jobNamespace()).isEqualTo("cairn");
    assertThat(defaults.runningInterval()).hasSeconds(30);
    assertThat(defaults.transport().create()).isEmpty();
    LineageConfig http = read("lineage:\n  runningInterval: 5s\n  transport:\n    type: http\n"
        + "    url: http://marquez:5000\n    apiKey: secret-key\n");
    assertThat(http.runningInterval()).hasSeconds(5);
    assertThat(http.transport().create()).containsInstanceOf(HttpTransport.class);
    assertThat(http.transport().create().orElseThrow().toString()).doesNotContain("secret-key");
    assertThat(read("lineage:\n  transport:\n    type: file\n    location: " + dir.resolve("e.jsonl") + "\n")
        .transport().create()).containsInstanceOf(FileTransport.class);
    var kafka = read("lineage:\n  transport:\n    type: kafka\n    bootstrap: 127.0.0.1:1\n    topic: ol\n")
        .transport().create();
    assertThat(kafka).containsInstanceOf(KafkaTransport.class);
    kafka.orElseThrow().close();
  }

  @Test
  void badValuesAreRefused() throws Exception {
    assertThatThrownBy(() -> read("lineage:\n  transport:\n    type: ftp\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("none, http, kafka or file");
    assertThatThrownBy(() -> read("lineage:\n  runningInterval: 1ms\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("runningInterval");
    assertThatThrownBy(() -> read("lineage:\n  transport:\n    type: http\n").transport().create())
        .hasMessageContaining("lineage.transport.url is required");
    assertThatThrownBy(() -> read("lineage:\n  transport:\n    type: file\n").transport().create())
        .hasMessageContaining("lineage.transport.location is required");
  }
}
