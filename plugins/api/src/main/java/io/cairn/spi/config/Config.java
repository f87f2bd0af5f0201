package io.cairn.spi.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated configuration values, read by type. Immutable. {@link #toString()} masks secret values.
 */
public final class Config {
  private final ConfigDef def;
  private final Map<String, String> values;

  Config(ConfigDef def, Map<String, String> raw) {
    this.def = def;
    Map<String, String> v = new HashMap<>();
    for (ConfigProperty p : def.properties()) {
      String value = raw.get(p.name());
      if (value == null || value.isEmpty()) {
        value = p.defaultValue();
      }
      if (value != null) {
        v.put(p.name(), value);
      }
    }
    this.values = Map.copyOf(v);
  }

  public boolean has(String name) {
    def.property(name);
    return values.containsKey(name);
  }

  public String string(String name) {
    def.property(name);
    return values.get(name);
  }

  public int integer(String name) {
    return Integer.parseInt(require(name));
  }

  public long longValue(String name) {
    return Long.parseLong(require(name));
  }

  public double doubleValue(String name) {
    return Double.parseDouble(require(name));
  }

  public boolean bool(String name) {
    String v = string(name);
    return v != null && Boolean.parseBoolean(v);
  }

  public Path path(String name) {
    return Path.of(require(name));
  }

  public List<String> list(String name) {
    String v = string(name);
    if (v == null || v.isBlank()) {
      return List.of();
    }
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private String require(String name) {
    String v = string(name);
    if (v == null) {
      throw new IllegalStateException("property '" + name + "' has no value and no default");
    }
    return v;
  }

  static String checkType(ConfigProperty p, String value) {
    try {
      switch (p.type()) {
        case INT -> Integer.parseInt(value.trim());
        case LONG -> Long.parseLong(value.trim());
        case DOUBLE -> Double.parseDouble(value.trim());
        case BOOLEAN -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            return "property '" + p.name() + "' must be true or false";
          }
        }
        case ENUM -> {
          if (!p.choices().contains(value)) {
            return "property '" + p.name() + "' must be one of " + p.choices();
          }
        }
        default -> {
          return null;
        }
      }
      return null;
    } catch (NumberFormatException e) {
      return "property '" + p.name() + "' must be a " + p.type().name().toLowerCase(java.util.Locale.ROOT)
          + " number";
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (ConfigProperty p : def.properties()) {
      if (values.containsKey(p.name())) {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(p.name()).append('=').append(p.secret() ? "******" : values.get(p.name()));
      }
    }
    return sb.append('}').toString();
  }
}
