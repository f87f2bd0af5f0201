package io.cairn.governance.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates OpenLineage events offline against the 2-0-2 core schema and, for every facet whose key Cairn
 * ships a schema for, against that facet's schema (the standard facets, bundled as resources). Custom facets
 * are checked by the core schema alone ({@code _producer} and {@code _schemaURL}). Thread-safe.
 */
public final class EventValidator {
  private static final String BASE = "io/cairn/governance/lineage/openlineage/";
  private static final Pattern KIND = Pattern.compile("OpenLineage\\.json#/\\$defs/(\\w+Facet)\"");

  /** Where a facet sits in an event. */
  enum Container {
    RUN, JOB, DATASET, INPUT, OUTPUT
  }

  private final JsonSchema core;
  private final Map<Container, Map<String, List<JsonSchema>>> facets = new HashMap<>();

  public EventValidator() {
    ObjectMapper mapper = new ObjectMapper();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
        .schemaMappers(m -> m.mapPrefix("https://openlineage.io/spec/2-0-2/", "classpath:" + BASE)));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
        .pathType(PathType.JSON_PATH).build();
    core = factory.getSchema(com.networknt.schema.SchemaLocation.of(
        "https://openlineage.io/spec/2-0-2/OpenLineage.json"), config);
    for (String file : resource("facets.txt").split("\\R")) {
      if (file.isBlank()) {
        continue;
      }
      String text = resource("facets/" + file);
      try {
        JsonNode node = mapper.readTree(text);
        JsonSchema schema = factory.getSchema(node, config);
        for (Container c : containers(file, text)) {
          node.path("properties").fieldNames().forEachRemaining(key ->
              facets.computeIfAbsent(c, k -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(schema));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The problems found, each with the JSON path it is at; empty when the event is valid. */
  public List<String> validate(JsonNode event) {
    List<String> problems = new ArrayList<>();
    for (ValidationMessage m : core.validate(event)) {
      problems.add(m.getMessage());
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    check(event.path("run").path("facets"), Container.RUN, "$.run.facets", problems);
    check(event.path("job").path("facets"), Container.JOB, "$.job.facets", problems);
    check(event.path("dataset").path("facets"), Container.DATASET, "$.dataset.facets", problems);
    datasets(event.path("inputs"), "$.inputs", "inputFacets", Container.INPUT, problems);
    datasets(event.path("outputs"), "$.outputs", "outputFacets", Container.OUTPUT, problems);
    return problems;
  }

  private void datasets(JsonNode list, String path, String ioFacets, Container io, List<String> problems) {
    for (int i = 0; i < list.size(); i++) {
      check(list.get(i).path("facets"), Container.DATASET, path + "[" + i + "].facets", problems);
      check(list.get(i).path(ioFacets), io, path + "[" + i + "]." + ioFacets, problems);
    }
  }

  private void check(JsonNode container, Container kind, String path, List<String> problems) {
    Map<String, List<JsonSchema>> known = facets.getOrDefault(kind, Map.of());
    for (Iterator<Map.Entry<String, JsonNode>> it = container.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> facet = it.next();
      List<JsonSchema> schemas = known.get(facet.getKey());
      if (schemas == null || facet.getValue().path("_deleted").asBoolean(false)) {
        continue;
      }
      ObjectNode wrapped = JsonNodeFactory.instance.objectNode().set(facet.getKey(), facet.getValue());
      for (JsonSchema s : schemas) {
        for (ValidationMessage m : s.validate(wrapped)) {
          problems.add(m.getMessage().replaceFirst("^\\$", Matcher.quoteReplacement(path)));
        }
      }
    }
  }

  private static Set<Container> containers(String file, String text) {
    if (file.endsWith("RunFacet.json")) {
      return EnumSet.of(Container.RUN);
    }
    Set<Container> out = EnumSet.noneOf(Container.class);
    Matcher m = KIND.matcher(text);
    while (m.find()) {
      switch (m.group(1)) {
        case "RunFacet" -> out.add(Container.RUN);
        case "JobFacet" -> out.add(Container.JOB);
        case "DatasetFacet" -> out.add(Container.DATASET);
        case "InputDatasetFacet" -> out.add(Container.INPUT);
        case "OutputDatasetFacet" -> out.add(Container.OUTPUT);
        default -> { }
      }
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = EventValidator.class.getClassLoader().getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASE + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
