package io.cairn.platform.profiles;

import io.cairn.catalog.ModelEntry;
import io.cairn.profiles.models.ItemRecommender;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.List;

/**
 * {@code cairn:step:recommend}: adds the top {@code n} items a registered item-item recommender gives each row
 * (a profile) from the items it already has. Parameters: {@code model} (required), {@code version} (default:
 * the production version, else the latest), {@code items} (the column of the profile's items, default
 * {@code items}), {@code n} (default 10), {@code separator} between item ids in both columns (default
 * {@code |}) and {@code column} (default {@code recommendations}). Rows about a subject get recommendations
 * only when consent permits profiling. Stateless and thread-safe.
 */
public final class RecommendStepFactory implements StepFactory {
  private final ModelService models;

  public RecommendStepFactory(ModelService models) {
    this.models = models;
  }

  @Override
  public String name() {
    return "recommend";
  }

  @Override
  public String description() {
    return "Adds the top-N items of a registered item-item recommender version to each profile row.";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(ModelStepFactory.model(), ModelStepFactory.version(),
        ConfigProperty.builder("items", ConfigType.STRING).defaultValue("items")
            .description("The column with the items the profile has, separated by the separator.").build(),
        ConfigProperty.builder("n", ConfigType.INT).defaultValue("10")
            .description("How many items to recommend per row.").build(),
        ConfigProperty.builder("separator", ConfigType.STRING).defaultValue("|")
            .description("The separator between item ids, in the items column and the output.").build(),
        ModelStepFactory.column("recommendations"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConfigException when the model or version does not exist, is not a recommender or has no stored
   *     model, or n is below 1
   */
  @Override
  public Step create(Config c) {
    ModelEntry entry = ModelStepFactory.resolve(models, c);
    int n = c.integer("n");
    if (n < 1) {
      throw new ConfigException(List.of("property 'n': recommend at least 1 item, not " + n));
    }
    if (c.string("separator").isEmpty()) {
      throw new ConfigException(List.of("property 'separator': must not be empty"));
    }
    ItemRecommender model;
    try {
      model = models.holdRecommender(entry);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'model': " + e.getMessage()));
    }
    return new RecommendStep(models, entry, model, c.string("items"), n, c.string("separator"), c.string("column"));
  }
}
