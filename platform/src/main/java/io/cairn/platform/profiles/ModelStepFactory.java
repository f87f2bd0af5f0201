package io.cairn.platform.profiles;

import io.cairn.catalog.ModelEntry;
import io.cairn.profiles.models.ModelArtifact;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.List;

/**
 * The built-in model steps: {@code cairn:step:score} adds the probability a registered propensity model gives
 * each row, {@code cairn:step:cluster} the cluster a registered K-means model assigns it. Parameters:
 * {@code model} (required), {@code version} (default: the production version, else the latest) and
 * {@code column} (default {@code score} or {@code cluster}). The feature columns are the model's features.
 * Rows about a subject are scored only when consent permits profiling; the others get null. Stateless and
 * thread-safe.
 */
public final class ModelStepFactory implements StepFactory {
  private final ModelService models;
  private final ModelArtifact.Kind kind;

  private ModelStepFactory(ModelService models, ModelArtifact.Kind kind) {
    this.models = models;
    this.kind = kind;
  }

  /** {@code cairn:step:score}. */
  public static ModelStepFactory scoring(ModelService models) {
    return new ModelStepFactory(models, ModelArtifact.Kind.PROPENSITY);
  }

  /** {@code cairn:step:cluster}. */
  public static ModelStepFactory clustering(ModelService models) {
    return new ModelStepFactory(models, ModelArtifact.Kind.KMEANS);
  }

  @Override
  public String name() {
    return kind == ModelArtifact.Kind.PROPENSITY ? "score" : "cluster";
  }

  private String defaultColumn() {
    return kind == ModelArtifact.Kind.PROPENSITY ? "score" : "cluster";
  }

  @Override
  public String description() {
    return kind == ModelArtifact.Kind.PROPENSITY
        ? "Scores rows with a registered propensity model version (probability of the outcome)."
        : "Assigns rows the cluster of a registered K-means model version.";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(
        ConfigProperty.builder("model", ConfigType.STRING).required()
            .description("The registered model's name.").build(),
        ConfigProperty.builder("version", ConfigType.INT)
            .description("The model version; by default the production one, else the latest.").build(),
        ConfigProperty.builder("column", ConfigType.STRING).defaultValue(defaultColumn())
            .description("The output column.").build());
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConfigException when the model or version does not exist, has no stored model, or is of another kind
   */
  @Override
  public Step create(Config c) {
    ModelEntry entry;
    ModelArtifact artifact;
    try {
      entry = models.resolve(c.string("model"), c.has("version") ? c.integer("version") : null);
      artifact = models.artifact(entry.name(), entry.version());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'model': " + e.getMessage()));
    }
    if (artifact.kind() != kind) {
      throw new ConfigException(List.of("property 'model': '" + entry.name() + "' is a " + artifact.kind().id()
          + " model; cairn:step:" + name() + " needs a " + kind.id() + " model"));
    }
    return new ModelStep(models, entry, artifact, c.string("column"));
  }
}
