package io.cairn.spi.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The declared configuration of a connector or step, in declaration order. Immutable and thread-safe.
 * {@link #validate(Map)} is what the host runs before it starts a task.
 */
public final class ConfigDef {
  private final Map<String, ConfigProperty> properties;

  private ConfigDef(Map<String, ConfigProperty> properties) {
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** An empty definition to add properties to. */
  public static ConfigDef of(ConfigProperty... props) {
    Map<String, ConfigProperty> map = new LinkedHashMap<>();
    for (ConfigProperty p : props) {
      if (map.putIfAbsent(p.name(), p) != null) {
        throw new IllegalArgumentException("config property '" + p.name() + "' declared twice");
      }
    }
    return new ConfigDef(map);
  }

  public List<ConfigProperty> properties() {
    return List.copyOf(properties.values());
  }

  /** The names of the secret properties, which the host masks everywhere. */
  public Set<String> secretNames() {
    Set<String> names = new TreeSet<>();
    properties.values().stream().filter(ConfigProperty::secret).forEach(p -> names.add(p.name()));
    return names;
  }

  /**
   * Checks raw values against the declaration: unknown keys, missing required values, values that do not
   * parse as their type or are not among the choices.
   *
   * @return the problems found, each naming the property; empty when the values are valid
   */
  public List<String> problems(Map<String, String> raw) {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(raw.keySet())) {
      if (!properties.containsKey(key)) {
        problems.add("unknown property '" + key + "' (known: " + String.join(", ", properties.keySet()) + ")");
      }
    }
    for (ConfigProperty p : properties.values()) {
      String value = raw.get(p.name());
      if (value == null || value.isEmpty()) {
        if (p.required() && p.defaultValue() == null) {
          problems.add("property '" + p.name() + "' is required: " + p.description());
        }
        continue;
      }
      String problem = Config.checkType(p, value);
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  /**
   * Validates and returns a typed view of the values.
   *
   * @throws ConfigException listing every problem when the values are not valid
   */
  public Config validate(Map<String, String> raw) {
    List<String> problems = problems(raw);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Config(this, raw);
  }

  ConfigProperty property(String name) {
    ConfigProperty p = properties.get(name);
    if (p == null) {
      throw new IllegalArgumentException("property '" + name + "' is not declared");
    }
    return p;
  }
}
