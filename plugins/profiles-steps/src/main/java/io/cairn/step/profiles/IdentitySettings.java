package io.cairn.step.profiles;

import io.cairn.profiles.identity.FuzzyRule;
import io.cairn.profiles.identity.IdentifierType;
import io.cairn.profiles.identity.IdentityGraph;
import io.cairn.profiles.identity.MatchRule;
import io.cairn.profiles.identity.Normalizer;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The validated settings of one identity step: which column holds which identifier, the attributes, the
 * match rules and the output columns.
 *
 * @param identifierColumns the column of each identifier type the rows carry
 * @param attributes columns kept as descriptive attributes (names, address, birth date)
 * @param recordIdColumn the column that identifies a record, or null for the row's subject id (else its
 *     dataset and offset)
 * @param timestampColumn the column with when the record was last seen, or null
 * @param profileIdColumn the output column with the profile id
 * @param reasonColumn the output column with why the record was merged
 */
record IdentitySettings(
    Map<IdentifierType, String> identifierColumns,
    List<String> attributes,
    String recordIdColumn,
    String timestampColumn,
    String profileIdColumn,
    String reasonColumn,
    List<MatchRule> rules,
    FuzzyRule fuzzy,
    Normalizer normalizer) {

  static final String IDENTIFIER_PREFIX = "identifier.";
  static final ConfigDef DEFINITION = definition();

  private static ConfigDef definition() {
    List<ConfigProperty> props = new ArrayList<>();
    for (IdentifierType t : IdentifierType.values()) {
      props.add(ConfigProperty.builder(IDENTIFIER_PREFIX + t.configName(), ConfigType.STRING)
          .description("The column holding the " + t.configName().replace('_', ' ') + ", if any.").build());
    }
    props.add(ConfigProperty.builder("attributes", ConfigType.LIST)
        .defaultValue("first_name,last_name,street,city,postcode,birth_date")
        .description("Columns kept as attributes for rules, fuzzy matching and golden records; absent ones are skipped.")
        .build());
    props.add(ConfigProperty.builder("rules", ConfigType.LIST).defaultValue("user_id,crm_id,email,phone")
        .description("Deterministic match rules, each an identifier type or attribute, or several joined by '+'"
            + " (e.g. device_id+birth_date); rules using an identifier without a column are skipped.").build());
    props.add(ConfigProperty.builder("fuzzy", ConfigType.BOOLEAN).defaultValue("false")
        .description("Also match by similar names and addresses within a block.").build());
    props.add(ConfigProperty.builder("fuzzy.threshold", ConfigType.DOUBLE).defaultValue("0.9")
        .description("The name+address similarity (Jaro-Winkler, 0..1) at which records match.").build());
    props.add(ConfigProperty.builder("fuzzy.block", ConfigType.LIST).defaultValue("postcode")
        .description("Attributes that must be equal for records to be compared.").build());
    props.add(ConfigProperty.builder("fuzzy.address", ConfigType.LIST).defaultValue("street,city")
        .description("Address attributes compared by similarity.").build());
    props.add(ConfigProperty.builder("fuzzy.exact", ConfigType.LIST).defaultValue("birth_date")
        .description("Attributes that must be equal for a fuzzy match.").build());
    props.add(ConfigProperty.builder("region", ConfigType.STRING).defaultValue("US")
        .description("The ISO region of phone numbers written without a country code.").build());
    props.add(ConfigProperty.builder("recordIdColumn", ConfigType.STRING)
        .description("The column identifying a record; by default the row's subject id.").build());
    props.add(ConfigProperty.builder("timestampColumn", ConfigType.STRING)
        .description("The column with when the record was last seen (for survivorship).").build());
    props.add(ConfigProperty.builder("profileIdColumn", ConfigType.STRING).defaultValue("profile_id")
        .description("The output column with the profile id.").build());
    props.add(ConfigProperty.builder("reasonColumn", ConfigType.STRING).defaultValue("match_reason")
        .description("The output column explaining why the record joined its profile.").build());
    return ConfigDef.of(props.toArray(ConfigProperty[]::new));
  }

  /**
   * Reads configuration that {@link #DEFINITION} validated, checking what the types cannot.
   *
   * @throws ConfigException listing every problem (bad rules, region, threshold, no identifier)
   */
  static IdentitySettings from(Config c) {
    List<String> problems = new ArrayList<>();
    Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
    for (IdentifierType t : IdentifierType.values()) {
      String column = c.string(IDENTIFIER_PREFIX + t.configName());
      if (column != null && !column.isBlank()) {
        ids.put(t, column.strip());
      }
    }
    List<MatchRule> rules = List.of();
    try {
      rules = MatchRule.parseAll(c.list("rules"));
      rules = rules.stream().filter(r -> r.identifiers().stream().allMatch(ids::containsKey)).toList();
    } catch (IllegalArgumentException e) {
      problems.add("property 'rules': " + e.getMessage());
    }
    FuzzyRule fuzzy = null;
    if (c.bool("fuzzy")) {
      try {
        fuzzy = new FuzzyRule(c.doubleValue("fuzzy.threshold"), c.list("fuzzy.block"), "first_name", "last_name",
            c.list("fuzzy.address"), c.list("fuzzy.exact"), 200);
      } catch (IllegalArgumentException e) {
        problems.add("fuzzy matching: " + e.getMessage());
      }
    }
    Normalizer normalizer = null;
    try {
      normalizer = new Normalizer(c.string("region"));
    } catch (IllegalArgumentException e) {
      problems.add("property 'region': " + e.getMessage());
    }
    if (problems.isEmpty() && rules.isEmpty() && fuzzy == null) {
      problems.add("no match rule applies: map an identifier column (e.g. identifier.email=email) that a rule"
          + " uses, or set fuzzy=true");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new IdentitySettings(ids, c.list("attributes"), c.string("recordIdColumn"), c.string("timestampColumn"),
        c.string("profileIdColumn"), c.string("reasonColumn"), rules, fuzzy, normalizer);
  }

  /** A new, empty identity graph with these rules. */
  IdentityGraph newGraph() {
    return new IdentityGraph(rules, fuzzy, normalizer);
  }
}
