package io.cairn.platform.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.cairn.governance.keys.SecretBox;
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
 * API can be edited and redeployed without retyping its secrets. With a {@link SecretBox}, secret values are
 * sealed (AES-GCM) for storage and opened only to load a route.
 */
public final class FlowSecrets {
  public static final String MASK = "******";
  private static final Pattern GENERIC = Pattern.compile(
      "(?i).*(password|passphrase|secret|token|apikey|api_key|accesskey|secretkey|credentials|privatekey).*");
  private static final Pattern CAIRN = Pattern.compile("^cairn:(source|step|sink):([^?]+)");
  private static final Pattern URI_WITH_QUERY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:[^?]*\\?.*");

  private final ExtensionRegistry extensions;
  private volatile SecretBox box;

  /** What becomes of a secret value at a location of the definition. */
  private interface Replacer {
    String replace(String at, String value);
  }
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  public FlowSecrets(ExtensionRegistry extensions) {
    this.extensions = extensions;
  }

  /** Encrypts secret values at rest with the box from now on ({@link #seal}, {@link #open}). */
  public void encryptWith(SecretBox box) {
    this.box = box;
  }

  /** The definition with every secret value sealed (encrypted), for storage; unchanged without a box. */
  public String seal(String definition) {
    SecretBox b = box;
    return b == null ? definition : replaceAll(definition, (at, v) -> MASK.equals(v) ? v : b.seal(v));
  }

  /** The definition with every sealed secret value opened (decrypted), for a route to run. */
  public String open(String definition) {
    SecretBox b = box;
    return b == null || definition == null || !definition.contains(SecretBox.PREFIX) ? definition
        : replaceAll(definition, (at, v) -> b.open(v));
  }

  private String replaceAll(String definition, Replacer replacer) {
    JsonNode doc = read(definition);
    if (doc == null) {
      return definition;
    }
    return walk(doc, "", new HashMap<>(), replacer) ? write(doc) : definition;
  }

  /** The definition with every secret value masked; unreadable YAML is returned masked as a whole. */
  public String mask(String definition) {
    JsonNode doc = read(definition);
    if (doc == null) {
      return MASK;
    }
    return walk(doc, "", new HashMap<>(), (at, v) -> MASK) ? write(doc) : definition;
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
      walk(storedDoc, "", old, (at, v) -> v);
    }
    walk(doc, "", new HashMap<>(), (at, v) -> keep(v, at, old));
    return write(doc);
  }

  /** Replaces secret values in place; collects the original secrets by location. */
  private boolean walk(JsonNode node, String path, Map<String, String> secrets, Replacer replacer) {
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
          changed |= parameters((ObjectNode) f.getValue(), here, declared, secrets, replacer);
        } else if (f.getValue().isTextual()) {
          String text = f.getValue().asText();
          String replaced = uri(text, here, secrets, replacer);
          if (!replaced.equals(text)) {
            replacements.put(f.getKey(), TextNode.valueOf(replaced));
          }
        } else {
          changed |= walk(f.getValue(), here, secrets, replacer);
        }
      }
      replacements.forEach(obj::set);
      changed |= !replacements.isEmpty();
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (item.isTextual()) {
          String replaced = uri(item.asText(), path + "/" + i, secrets, replacer);
          if (!replaced.equals(item.asText())) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(replaced));
            changed = true;
          }
        } else {
          changed |= walk(item, path + "/" + i, secrets, replacer);
        }
      }
    }
    return changed;
  }

  private boolean parameters(ObjectNode params, String path, Set<String> declared, Map<String, String> secrets,
      Replacer replacer) {
    boolean changed = false;
    for (Iterator<String> it = params.fieldNames(); it.hasNext();) {
      String key = it.next();
      if (isSecret(key, declared) && params.get(key).isValueNode()) {
        String value = params.get(key).asText();
        String at = path + "/" + key;
        secrets.put(at, value);
        params.put(key, replacer.replace(at, value));
        changed = true;
      }
    }
    return changed;
  }

  private String uri(String text, String path, Map<String, String> secrets, Replacer replacer) {
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
        out.append(key).append('=').append(replacer.replace(at, pairs[i].substring(eq + 1)));
      } else {
        out.append(pairs[i]);
      }
    }
    return out.toString();
  }

  private static String keep(String value, String at, Map<String, String> restoreFrom) {
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
