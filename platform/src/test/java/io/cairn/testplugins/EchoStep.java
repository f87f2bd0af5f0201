package io.cairn.testplugins;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;

/** A step factory, so that a plugin can contribute a step. */
public final class EchoStep implements StepFactory {
  @Override
  public String name() {
    return "echo";
  }

  @Override
  public String description() {
    return "Passes batches on unchanged";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of();
  }

  @Override
  public Step create(Config config) {
    throw new UnsupportedOperationException("fixture");
  }
}
