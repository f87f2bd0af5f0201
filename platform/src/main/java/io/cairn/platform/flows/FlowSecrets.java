package io.cairn.platform.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.cairn.platform.plugins.ExtensionRegistry;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets in route definitions out of API answers: values of the properties a connector declares
 * secret (and of well-known secret names such as {@code password} for any component) are shown as
 * {@value #MASK}. A definition sent back with masked values keeps the stored ones, so a route read from the
 * API can be edited and redeployed without retyping its secrets.
 */
public final class FlowSecrets {
  public static final String MASK = "******";
  private static final Pattern GENERIC = Pattern.compile(
      "(?i).*(password|passphrase|secret|token|apikey|api_key|accesskey|secretkey|credentials|privatekey).*");
  private static final Pattern CAIRN = Pattern.compile("^cairn:(source|step|sink):([^?]+)");
  private static final Pattern URI_WITH_QUERY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:[^?]*\\?.*");

  private final ExtensionRegistry extensions;
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  public FlowSecrets(ExtensionRegistry extensions) {
    this.extensions = extensions;
  }

  /** The definition with every secret value masked; unreadable YAML is returned masked as a whole. */
  public String mask(String definition) {
    JsonNode doc = read(definition);
    if (doc == null) {
      return MASK;
    }
    return walk(doc, "", new HashMap<>(), null) ? write(doc) : definition;
  }

  /**
   * The new definition with masked values replaced by the stored ones at the same place.
   *
   * @throws IllegalArgumentException naming the secret when there is no stored value to keep
   */
  public String restore(String definition, String stored) {
    if (definition == null || !definition.contains(MASK)) {
      return definition;
    }
    JsonNode doc = read(definition);
    if (doc == null) {
      return definition;
    }
    Map<String, String> old = new HashMap<>();
    JsonNode storedDoc = stored == null ? null : read(stored);
    if (storedDoc != null) {
      walk(storedDoc, "", old, null);
    }
    walk(doc, "", new HashMap<>(), old);
    return write(doc);
  }

  /** Masks (or, with {@code restoreFrom}, unmasks) in place; collects the original secrets by location. */
  private boolean walk(JsonNode node, String path, Map<String, String> secrets, Map<String, String> restoreFrom) {
    boolean changed = false;
    if (node.isObject()) {
      ObjectNode obj = (ObjectNode) node;
      Set<String> declared = obj.path("uri").isTextual() ? declaredSecrets(obj.get("uri").asText()) : Set.of();
      Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
      Map<String, JsonNode> replacements = new HashMap<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String here = path + "/" + f.getKey();
        if (f.getKey().equals("parameters") && f.getValue().isObject()) {
          changed |= parameters((ObjectNode) f.getValue(), here, declared, secrets, restoreFrom);
        } else if (f.getValue().isTextual()) {
          String text = f.getValue().asText();
          String replaced = uri(text, here, secrets, restoreFrom);
          if (!replaced.equals(text)) {
            replacements.put(f.getKey(), TextNode.valueOf(replaced));
          }
        } else {
          changed |= walk(f.getValue(), here, secrets, restoreFrom);
        }
      }
      replacements.forEach(obj::set);
      changed |= !replacements.isEmpty();
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (item.isTextual()) {
          String replaced = uri(item.asText(), path + "/" + i, secrets, restoreFrom);
          if (!replaced.equals(item.asText())) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(replaced));
            changed = true;
          }
        } else {
          changed |= walk(item, path + "/" + i, secrets, restoreFrom);
        }
      }
    }
    return changed;
  }

  private boolean parameters(ObjectNode params, String path, Set<String> declared, Map<String, String> secrets,
      Map<String, String> restoreFrom) {
    boolean changed = false;
    for (Iterator<String> it = params.fieldNames(); it.hasNext();) {
      String key = it.next();
      if (isSecret(key, declared) && params.get(key).isValueNode()) {
        String value = params.get(key).asText();
        String at = path + "/" + key;
        secrets.put(at, value);
        params.put(key, swap(value, at, restoreFrom));
        changed = true;
      }
    }
    return changed;
  }

  private String uri(String text, String path, Map<String, String> secrets, Map<String, String> restoreFrom) {
    if (!URI_WITH_QUERY.matcher(text).matches()) {
      return text;
    }
    Set<String> declared = declaredSecrets(text);
    int q = text.indexOf('?');
    StringBuilder out = new StringBuilder(text.substring(0, q + 1));
    String[] pairs = text.substring(q + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      int eq = pairs[i].indexOf('=');
      String key = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
      if (i > 0) {
        out.append('&');
      }
      if (eq > 0 && isSecret(key, declared)) {
        String at = path + "?" + key;
        secrets.put(at, pairs[i].substring(eq + 1));
        out.append(key).append('=').append(swap(pairs[i].substring(eq + 1), at, restoreFrom));
      } else {
        out.append(pairs[i]);
      }
    }
    return out.toString();
  }

  private static String swap(String value, String at, Map<String, String> restoreFrom) {
    if (restoreFrom == null) {
      return MASK;
    }
    if (!MASK.equals(value)) {
      return value;
    }
    String old = restoreFrom.get(at);
    if (old == null) {
      throw new IllegalArgumentException("the secret at " + at + " is masked (" + MASK
          + ") but no stored value is there to keep: send its value");
    }
    return old;
  }

  private static boolean isSecret(String key, Set<String> declared) {
    return declared.contains(key) || GENERIC.matcher(key).matches();
  }

  private Set<String> declaredSecrets(String uri) {
    Matcher m = CAIRN.matcher(uri);
    if (!m.find()) {
      return Set.of();
    }
    String name = m.group(2);
    Optional<ConfigDef> def = switch (m.group(1)) {
      case "source" -> extensions.source(name).map(SourceConnector::configDef);
      case "sink" -> extensions.sink(name).map(SinkConnector::configDef);
      default -> extensions.step(name).map(StepFactory::configDef);
    };
    return def.map(ConfigDef::secretNames).orElse(Set.of());
  }

  private JsonNode read(String definition) {
    try {
      return definition == null ? null : yaml.readTree(definition);
    } catch (IOException e) {
      return null;
    }
  }

  private String write(JsonNode doc) {
    try {
      return yaml.writeValueAsString(doc);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
