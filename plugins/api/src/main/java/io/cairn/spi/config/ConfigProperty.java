package io.cairn.spi.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One declared configuration property.
 *
 * @param name the key, e.g. {@code url}
 * @param type how the value is parsed and checked
 * @param required whether a value (or a default) must be present
 * @param defaultValue the value used when none is given, or null
 * @param secret whether the value is secret: the host encrypts it at rest, never logs or returns it
 * @param description one sentence for people, shown in forms
 * @param choices the allowed values of an {@link ConfigType#ENUM}, empty otherwise
 */
public record ConfigProperty(
    String name,
    ConfigType type,
    boolean required,
    String defaultValue,
    boolean secret,
    String description,
    List<String> choices) {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,63}");

  public ConfigProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad config property name '" + name + "'");
    }
    description = description == null ? "" : description;
    choices = List.copyOf(choices == null ? List.of() : choices);
    if (type == ConfigType.ENUM && choices.isEmpty()) {
      throw new IllegalArgumentException("enum property '" + name + "' needs choices");
    }
  }

  /** Starts a builder for a property of the given name and type. */
  public static Builder builder(String name, ConfigType type) {
    return new Builder(name, type);
  }

  /** Builds a {@link ConfigProperty}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final ConfigType type;
    private boolean required;
    private String defaultValue;
    private boolean secret;
    private String description = "";
    private List<String> choices = List.of();

    private Builder(String name, ConfigType type) {
      this.name = name;
      this.type = type;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder defaultValue(String value) {
      this.defaultValue = value;
      return this;
    }

    public Builder secret() {
      this.secret = true;
      return this;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder choices(String... values) {
      this.choices = List.of(values);
      return this;
    }

    public ConfigProperty build() {
      return new ConfigProperty(name, type, required, defaultValue, secret, description, choices);
    }
  }
}
