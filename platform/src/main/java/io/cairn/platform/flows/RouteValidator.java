package io.cairn.platform.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Validates a flow's YAML against the JSON schema that ships inside camel-yaml-dsl, before Camel sees it,
 * and normalises it: exactly one route, whose id becomes the flow id and which does not start by itself.
 * Thread-safe.
 */
public final class RouteValidator {
  private static final String SCHEMA = "schema/camelYamlDsl.json";
  private final JsonSchema schema = CompiledSchema.INSTANCE;
  private final JsonNodeReader reader;
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  /**
   * The DSL's schema, compiled once per JVM (immutable, and a compiled networknt schema is thread-safe). Its
   * {@code $ref}s are resolved at each validation and not kept ({@code cacheRefs} off): the DSL nests
   * {@code oneOf}/{@code anyOf} so deeply that keeping every resolved path, as by default, holds about 250 MB of
   * validators for the server's life, which every garbage collection after start has to copy or mark, while a
   * flow validates in a couple of milliseconds either way.
   */
  private static final class CompiledSchema {
    static final JsonSchema INSTANCE = load();

    private static JsonSchema load() {
      try (InputStream in = org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader.class.getClassLoader()
          .getResourceAsStream(SCHEMA)) {
        if (in == null) {
          throw new IllegalStateException(SCHEMA + " not found in camel-yaml-dsl");
        }
        JsonNode schemaNode = new ObjectMapper().readTree(in);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(
            com.networknt.schema.PathType.JSON_PATH).cacheRefs(false).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaNode, config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public RouteValidator() {
    this.reader = JsonNodeReader.builder().locationAware().build();
  }

  /**
   * Checks the YAML and returns it normalised for loading.
   *
   * @throws InvalidRouteException with every problem found, each with its line when known
   */
  public String normalise(String flowId, String definition) {
    if (definition == null || definition.isBlank()) {
      throw new InvalidRouteException("the route definition is empty",
          List.of(new RouteProblem("$", 0, 0, "send a Camel YAML DSL route, e.g. - route: {from: {uri: ..., steps: [...]}}")));
    }
    JsonNode doc;
    try {
      doc = reader.readTree(definition, com.networknt.schema.InputFormat.YAML);
    } catch (IOException | RuntimeException e) {
      throw new InvalidRouteException("the route is not valid YAML",
          List.of(new RouteProblem("$", 0, 0, firstLine(e.getMessage()))));
    }
    if (doc != null && doc.isObject()) {
      ArrayNode wrapped = yaml.createArrayNode();
      wrapped.add(doc);
      doc = wrapped;
    }
    Set<ValidationMessage> messages = schema.validate(doc);
    if (!messages.isEmpty()) {
      throw new InvalidRouteException("the route does not match the Camel YAML DSL schema", problems(doc, messages));
    }
    return withFlowId(flowId, doc);
  }

  private String withFlowId(String flowId, JsonNode doc) {
    List<ObjectNode> routes = new ArrayList<>();
    for (JsonNode item : doc) {
      if (item.has("route")) {
        routes.add((ObjectNode) item.get("route"));
      } else if (item.has("from")) {
        ObjectNode route = yaml.createObjectNode();
        route.set("from", item.get("from"));
        ((ObjectNode) item).remove("from");
        ((ObjectNode) item).set("route", route);
        routes.add(route);
      } else if (!item.has("beans")) {
        throw new InvalidRouteException("a flow holds one route (and optionally beans)",
            List.of(new RouteProblem("$", 0, 0, "'" + item.fieldNames().next() + "' is not allowed in a flow")));
      }
    }
    if (routes.size() != 1) {
      throw new InvalidRouteException("a flow holds exactly one route",
          List.of(new RouteProblem("$", 0, 0, "found " + routes.size() + " routes")));
    }
    ObjectNode route = routes.get(0);
    route.put("id", flowId);
    route.put("autoStartup", false);
    try {
      return yaml.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<RouteProblem> problems(JsonNode doc, Set<ValidationMessage> messages) {
    List<RouteProblem> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String path = m.getInstanceLocation().toString();
      JsonNode at = JsonNodes.get(doc, m.getInstanceLocation());
      if (at != null && m.getProperty() != null && at.has(m.getProperty())) {
        at = at.get(m.getProperty());
      }
      JsonLocation loc = at == null ? null : com.networknt.schema.serialization.node.JsonLocationAware.class
          .isInstance(at) ? ((com.networknt.schema.serialization.node.JsonLocationAware) at).tokenLocation() : null;
      out.add(new RouteProblem(path, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
          m.getMessage()));
    }
    out.sort(Comparator.comparingInt(RouteProblem::line).thenComparing(RouteProblem::path));
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
