package io.cairn.platform.profiles;

import io.cairn.profiles.identity.IdentifierType;
import io.cairn.profiles.identity.MatchRule;
import io.cairn.profiles.identity.Normalizer;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code cairn:step:identity-graph}: identity resolution into a graph the catalog keeps between
 * runs and restarts, so events arriving in later runs join the profiles of earlier ones and a profile id is
 * stable. Provided by the host (plugins cannot reach the catalog). Configuration as the plugin's
 * {@code identity} step ({@code identifier.<type>}, {@code attributes}, {@code rules}, {@code fuzzy},
 * {@code fuzzy.threshold}, {@code region}, {@code recordIdColumn}) plus {@code graph}, the graph's name
 * (default: the flow id). Stateless and thread-safe.
 */
public final class IdentityGraphStepFactory implements StepFactory {
  public static final String NAME = "identity-graph";
  private static final String IDENTIFIER = "identifier.";
  private static final ConfigDef DEFINITION = definition();

  private final IdentityGraphs graphs;

  public IdentityGraphStepFactory(IdentityGraphs graphs) {
    this.graphs = graphs;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Resolves identities into profiles kept in the catalog between runs: stable profile ids, splits, erasure.";
  }

  @Override
  public ConfigDef configDef() {
    return DEFINITION;
  }

  private static ConfigDef definition() {
    List<ConfigProperty> props = new ArrayList<>();
    for (IdentifierType t : IdentifierType.values()) {
      props.add(ConfigProperty.builder(IDENTIFIER + t.configName(), ConfigType.STRING)
          .description("The column holding the " + t.configName().replace('_', ' ') + ", if any.").build());
    }
    props.add(ConfigProperty.builder("graph", ConfigType.STRING)
        .description("The identity graph's name; flows naming the same graph share it. Default: the flow id.").build());
    props.add(ConfigProperty.builder("attributes", ConfigType.LIST)
        .defaultValue("first_name,last_name,street,city,postcode,birth_date")
        .description("Columns kept as attributes for rules and fuzzy matching; absent ones are skipped.").build());
    props.add(ConfigProperty.builder("rules", ConfigType.LIST).defaultValue("user_id,crm_id,email,phone")
        .description("Deterministic match rules; rules using an identifier without a column are skipped.").build());
    props.add(ConfigProperty.builder("fuzzy", ConfigType.BOOLEAN).defaultValue("false")
        .description("Also match by similar names and addresses (same postcode and birth date).").build());
    props.add(ConfigProperty.builder("fuzzy.threshold", ConfigType.DOUBLE).defaultValue("0.9")
        .description("The name+address similarity (Jaro-Winkler, 0..1) at which records match.").build());
    props.add(ConfigProperty.builder("region", ConfigType.STRING).defaultValue("US")
        .description("The ISO region of phone numbers written without a country code.").build());
    props.add(ConfigProperty.builder("recordIdColumn", ConfigType.STRING)
        .description("The column identifying a record; by default its dataset and offset.").build());
    return ConfigDef.of(props.toArray(ConfigProperty[]::new));
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConfigException when the rules or region are invalid, or no rule applies to the mapped identifiers
   */
  @Override
  public Step create(Config c) {
    Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
    for (IdentifierType t : IdentifierType.values()) {
      String column = c.string(IDENTIFIER + t.configName());
      if (column != null && !column.isBlank()) {
        ids.put(t, column.strip());
      }
    }
    List<String> problems = new ArrayList<>();
    List<String> rules = List.of();
    try {
      rules = MatchRule.parseAll(c.list("rules")).stream()
          .filter(r -> ids.keySet().containsAll(r.identifiers())).map(MatchRule::name).toList();
    } catch (IllegalArgumentException e) {
      problems.add("property 'rules': " + e.getMessage());
    }
    try {
      new Normalizer(c.string("region"));
    } catch (IllegalArgumentException e) {
      problems.add("property 'region': " + e.getMessage());
    }
    boolean fuzzy = c.bool("fuzzy");
    if (problems.isEmpty() && rules.isEmpty() && !fuzzy) {
      problems.add("no match rule applies: map an identifier column (e.g. identifier.email=email) that a rule uses,"
          + " or set fuzzy=true");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new IdentityGraphStep(graphs, c.string("graph"), ids, c.list("attributes"), c.string("recordIdColumn"),
        rules, fuzzy ? c.doubleValue("fuzzy.threshold") : null, c.string("region"));
  }
}
