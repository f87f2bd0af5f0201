package io.cairn.platform.profiles;

import io.cairn.catalog.ModelEntry;
import io.cairn.profiles.models.BatchScorer;
import io.cairn.profiles.models.ModelArtifact;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.List;
import java.util.Set;

/**
 * The built-in model steps: {@code cairn:step:score} adds the score a registered propensity (probability of the
 * outcome), clv (predicted lifetime value) or ONNX model (its declared output column, scored by ONNX Runtime)
 * gives each row; {@code cairn:step:cluster} the cluster a registered K-means model assigns it. Parameters:
 * {@code model} (required), {@code version} (default: the production version, else the latest) and
 * {@code column} (default {@code score} or {@code cluster}). The feature columns are the model's features.
 * Rows about a subject are scored only when consent permits profiling; the others get null. Stateless and
 * thread-safe.
 */
public final class ModelStepFactory implements StepFactory {
  private final ModelService models;
  private final boolean clusters;
  private final Set<String> kinds;

  private ModelStepFactory(ModelService models, boolean clusters, Set<String> kinds) {
    this.models = models;
    this.clusters = clusters;
    this.kinds = kinds;
  }

  /** {@code cairn:step:score}. */
  public static ModelStepFactory scoring(ModelService models) {
    return new ModelStepFactory(models, false, Set.of(ModelArtifact.Kind.PROPENSITY.id(), ModelArtifact.Kind.CLV.id(),
        ModelService.ONNX));
  }

  /** {@code cairn:step:cluster}. */
  public static ModelStepFactory clustering(ModelService models) {
    return new ModelStepFactory(models, true, Set.of(ModelArtifact.Kind.KMEANS.id()));
  }

  @Override
  public String name() {
    return clusters ? "cluster" : "score";
  }

  @Override
  public String description() {
    return clusters ? "Assigns rows the cluster of a registered K-means model version."
        : "Scores rows with a registered propensity, clv or ONNX model version.";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(model(), version(), column(name()));
  }

  /** The {@code model} property of the model steps. */
  static ConfigProperty model() {
    return ConfigProperty.builder("model", ConfigType.STRING).required()
        .description("The registered model's name.").build();
  }

  /** The {@code version} property of the model steps. */
  static ConfigProperty version() {
    return ConfigProperty.builder("version", ConfigType.INT)
        .description("The model version; by default the production one, else the latest.").build();
  }

  /** The {@code column} property of the model steps. */
  static ConfigProperty column(String defaultColumn) {
    return ConfigProperty.builder("column", ConfigType.STRING).defaultValue(defaultColumn)
        .description("The output column.").build();
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConfigException when the model or version does not exist, has no stored model, or is of another kind
   */
  @Override
  public Step create(Config c) {
    ModelEntry entry = resolve(models, c);
    if (!kinds.contains(entry.kind())) {
      throw new ConfigException(List.of("property 'model': '" + entry.name() + "' is a " + entry.kind()
          + " model; cairn:step:" + name() + " needs one of " + kinds.stream().sorted().toList()));
    }
    BatchScorer scorer;
    try {
      scorer = models.holdScorer(entry);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'model': " + e.getMessage()));
    }
    return new ModelStep(models, entry, scorer, c.string("column"), clusters);
  }

  /** The version a model step's {@code model} and {@code version} name. */
  static ModelEntry resolve(ModelService models, Config c) {
    try {
      return models.resolve(c.string("model"), c.has("version") ? c.integer("version") : null);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'model': " + e.getMessage()));
    }
  }
}
