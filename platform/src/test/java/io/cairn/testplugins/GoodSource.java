package io.cairn.testplugins;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A source whose description comes from a resource in its plugin's jar, so two versions can differ. */
public final class GoodSource implements SourceConnector {
  static final String DESCRIPTION_RESOURCE = "/io/cairn/testplugins/good-description.txt";

  @Override
  public String name() {
    return "good";
  }

  @Override
  public String description() {
    try (InputStream in = getClass().getResourceAsStream(DESCRIPTION_RESOURCE)) {
      return in == null ? "no description resource" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(
        ConfigProperty.builder("path", ConfigType.PATH).required().description("The file to read").build(),
        ConfigProperty.builder("format", ConfigType.ENUM).choices("csv", "json").defaultValue("csv")
            .description("How the file is written").build(),
        ConfigProperty.builder("password", ConfigType.STRING).secret().description("Unlocks the file").build());
  }

  @Override
  public SourceTask createTask(Config config) {
    return new EmptyTask();
  }

  /** A task that reads nothing, forever (a quiet stream). */
  static final class EmptyTask implements SourceTask {
    @Override
    public void start(TaskContext context, String resumeOffset) {
      // nothing to open
    }

    @Override
    public DatasetRef dataset() {
      return new DatasetRef("test", "good");
    }

    @Override
    public Batch poll(int maxRows) {
      return null;
    }

    @Override
    public boolean exhausted() {
      return false;
    }

    @Override
    public void stop() {
      // nothing to close
    }
  }
}
