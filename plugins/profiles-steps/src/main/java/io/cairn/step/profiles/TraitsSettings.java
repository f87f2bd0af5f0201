package io.cairn.step.profiles;

import io.cairn.profiles.traits.TraitDefinition;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The validated settings of one traits step.
 *
 * @param definition the trait definition
 * @param profileColumn the input column with the profile id
 * @param timeColumn the input column with the fact's time
 * @param asOf the reference time of recency, or null for the latest fact time seen
 */
record TraitsSettings(TraitDefinition definition, String profileColumn, String timeColumn, Instant asOf) {
  static final String DEFAULT_DEFINITION = "retail-rfm.yml";

  static final ConfigDef DEFINITION = ConfigDef.of(
      ConfigProperty.builder("definition", ConfigType.PATH)
          .description("A YAML trait definition file; by default Cairn's retail RFM definition.").build(),
      ConfigProperty.builder("profileColumn", ConfigType.STRING).defaultValue("profile_id")
          .description("The column with the profile (or customer) id the facts belong to.").build(),
      ConfigProperty.builder("timeColumn", ConfigType.STRING).required()
          .description("The column with when the fact happened (a timestamp or date), e.g. order_ts.").build(),
      ConfigProperty.builder("asOf", ConfigType.STRING)
          .description("The reference time of recency as an ISO instant; by default the latest fact time seen.")
          .build());

  /**
   * Reads validated configuration and the definition file.
   *
   * @throws ConfigException when the file cannot be read, the definition is invalid or asOf is not an instant
   */
  static TraitsSettings from(Config c) {
    TraitDefinition definition;
    try {
      definition = TraitDefinition.parse(c.has("definition") ? Files.readString(c.path("definition")) : builtIn());
    } catch (IOException e) {
      throw new ConfigException(List.of("property 'definition': cannot read " + c.string("definition") + ": " + e));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'definition': " + e.getMessage()));
    }
    Instant asOf = null;
    if (c.has("asOf")) {
      try {
        asOf = Instant.parse(c.string("asOf").strip());
      } catch (DateTimeParseException e) {
        throw new ConfigException(List.of("property 'asOf' must be an ISO instant like 2025-07-01T00:00:00Z, not '"
            + c.string("asOf") + "'"));
      }
    }
    return new TraitsSettings(definition, c.string("profileColumn"), c.string("timeColumn"), asOf);
  }

  private static String builtIn() throws IOException {
    try (InputStream in = TraitDefinition.class.getResourceAsStream(DEFAULT_DEFINITION)) {
      if (in == null) {
        throw new IOException("the built-in " + DEFAULT_DEFINITION + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
