package io.cairn.connector.datagen;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * The validated settings of one datagen task.
 *
 * @param count how many rows the task generates
 * @param customers how many customers exist; orders, events and consents refer to customers
 *     {@code 0..customers-1}
 */
record DatagenSettings(
    Entity entity,
    long count,
    long customers,
    long seed,
    double duplicateRate,
    double dirtyRate,
    Locale locale) {

  static final String ENTITY = "entity";
  static final String COUNT = "count";
  static final String CUSTOMERS = "customers";
  static final String SEED = "seed";
  static final String DUPLICATE_RATE = "duplicateRate";
  static final String DIRTY_RATE = "dirtyRate";
  static final String LOCALE = "locale";

  static final ConfigDef DEFINITION =
      ConfigDef.of(
          ConfigProperty.builder(ENTITY, ConfigType.ENUM)
              .required()
              .choices("customers", "orders", "events", "consents")
              .description("Which entity to generate.")
              .build(),
          ConfigProperty.builder(COUNT, ConfigType.LONG)
              .description(
                  "How many rows to generate; by default the customers setting for customers, 30000 orders,"
                      + " 100000 events, and one consent per purpose (6) per customer.")
              .build(),
          ConfigProperty.builder(CUSTOMERS, ConfigType.LONG)
              .defaultValue("10000")
              .description(
                  "How many customers exist; orders, events and consents refer only to these, so use the"
                      + " same value for every entity.")
              .build(),
          ConfigProperty.builder(SEED, ConfigType.LONG)
              .defaultValue("42")
              .description("The random seed: the same seed gives byte-identical data.")
              .build(),
          ConfigProperty.builder(DUPLICATE_RATE, ConfigType.DOUBLE)
              .defaultValue("0.03")
              .description(
                  "The share of customers that are near-duplicates of an earlier customer (typos, swapped"
                      + " names, reformatted email and phone, shared devices), between 0 and 1.")
              .build(),
          ConfigProperty.builder(DIRTY_RATE, ConfigType.DOUBLE)
              .defaultValue("0.02")
              .description(
                  "The share of rows with a dirty value (malformed email, phone with letters, future or"
                      + " unparseable date, blank required field, negative amount), between 0 and 1.")
              .build(),
          ConfigProperty.builder(LOCALE, ConfigType.STRING)
              .defaultValue("en-US")
              .description("The locale of names, addresses and currency, as a language tag such as de-DE.")
              .build());

  /**
   * Reads and range-checks configuration that {@link #DEFINITION} already validated.
   *
   * @throws ConfigException listing every value out of range
   */
  static DatagenSettings from(Config config) {
    List<String> problems = new ArrayList<>();
    Entity entity = Entity.parse(config.string(ENTITY));
    long customers = config.longValue(CUSTOMERS);
    if (customers < 1) {
      problems.add("property 'customers' must be at least 1, not " + customers);
    }
    long count = config.has(COUNT) ? config.longValue(COUNT) : entity.defaultCount(Math.max(1, customers));
    if (count < 0) {
      problems.add("property 'count' must not be negative, not " + count);
    }
    double duplicateRate = config.doubleValue(DUPLICATE_RATE);
    double dirtyRate = config.doubleValue(DIRTY_RATE);
    checkRate(DUPLICATE_RATE, duplicateRate, problems);
    checkRate(DIRTY_RATE, dirtyRate, problems);
    Locale locale = locale(config.string(LOCALE), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new DatagenSettings(
        entity, count, customers, config.longValue(SEED), duplicateRate, dirtyRate, locale);
  }

  private static void checkRate(String name, double rate, List<String> problems) {
    if (!(rate >= 0 && rate <= 1)) {
      problems.add("property '" + name + "' must be between 0 and 1, not " + rate);
    }
  }

  private static Locale locale(String tag, List<String> problems) {
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
      if (!locale.getLanguage().isEmpty()) {
        return locale;
      }
    } catch (IllformedLocaleException e) {
      // reported below
    }
    problems.add("property 'locale' must be a language tag such as en-US, not '" + tag + "'");
    return Locale.US;
  }

  /** The dataset name: the entity and seed, e.g. {@code customers?seed=42}. */
  String datasetName() {
    return entity.configName() + "?seed=" + seed;
  }
}
