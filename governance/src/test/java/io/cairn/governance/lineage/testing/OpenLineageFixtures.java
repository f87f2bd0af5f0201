package io.cairn.governance.lineage.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The facet fixtures of the OpenLineage spec ({@code <cairn.shared.dir>/openlineage/spec/tests}), each put
 * into a RunEvent where its facet belongs (run, job, dataset, input or output facets).
 */
public final class OpenLineageFixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OpenLineageFixtures() {}

  /** The shared folder with the OpenLineage spec, from the {@code cairn.shared.dir} system property. */
  public static Path specDir() {
    String shared = System.getProperty("cairn.shared.dir");
    if (shared == null) {
      throw new IllegalStateException("system property cairn.shared.dir is not set (surefire sets it)");
    }
    if (Files.isDirectory(Path.of(shared, "openlineage", "spec"))) {
      return Path.of(shared, "openlineage", "spec");
    }
    // run from a module folder, Maven's project directory is the module: look upwards for shared/
    for (Path dir = Path.of(shared).toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
      Path spec = dir.resolve("shared").resolve("openlineage").resolve("spec");
      if (Files.isDirectory(spec)) {
        return spec;
      }
    }
    throw new IllegalStateException("no shared/openlineage/spec above " + shared);
  }

  /** Every facet fixture as a complete RunEvent, by fixture name (e.g. {@code ErrorMessageRunFacet/1.json}). */
  public static Map<String, ObjectNode> facetEvents() {
    Map<String, ObjectNode> events = new TreeMap<>();
    Path tests = specDir().resolve("tests");
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path f : files.filter(p -> !p.getParent().equals(tests) && p.toString().endsWith(".json")).toList()) {
        String facetType = f.getParent().getFileName().toString();
        ObjectNode facets = (ObjectNode) MAPPER.readTree(f.toFile());
        events.put(facetType + "/" + f.getFileName(), wrap(facetType, facets));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  /** A minimal valid COMPLETE RunEvent reading {@code in} and writing {@code out} (namespace {@code ns}). */
  public static ObjectNode runEvent(String jobNamespace, String job, String in, String out) {
    ObjectNode e = MAPPER.createObjectNode();
    e.put("eventType", "COMPLETE").put("eventTime", "2026-01-01T10:00:00.000Z")
        .put("producer", "https://example.org/spark").put("schemaURL",
            "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
    e.putObject("run").put("runId", UUID.randomUUID().toString()).putObject("facets");
    e.putObject("job").put("namespace", jobNamespace).put("name", job).putObject("facets");
    e.putArray("inputs").addObject().put("namespace", "ns").put("name", in).putObject("facets");
    e.putArray("outputs").addObject().put("namespace", "ns").put("name", out).putObject("facets");
    return e;
  }

  private static ObjectNode wrap(String facetType, ObjectNode facets) {
    ObjectNode e = runEvent("fixtures", facetType, "fixture_in", "fixture_out");
    ObjectNode input = (ObjectNode) e.path("inputs").get(0);
    ObjectNode output = (ObjectNode) e.path("outputs").get(0);
    ObjectNode target;
    if (facetType.endsWith("RunFacet")) {
      target = (ObjectNode) e.path("run").path("facets");
    } else if (facetType.endsWith("JobFacet") || isJobLineage(facets)) {
      target = (ObjectNode) e.path("job").path("facets");
    } else if (List.of("InputStatisticsInputDatasetFacet", "DataQualityMetricsInputDatasetFacet",
        "DataQualityAssertionsDatasetFacet", "BaseSubsetDatasetFacet").contains(facetType)) {
      target = input.putObject("inputFacets");
    } else if (facetType.endsWith("OutputDatasetFacet")) {
      target = output.putObject("outputFacets");
    } else {
      target = (ObjectNode) output.path("facets");
    }
    target.setAll(facets);
    return e;
  }

  private static boolean isJobLineage(JsonNode facets) {
    return facets.path("lineage").path("_schemaURL").asText().endsWith("LineageJobFacet");
  }
}
