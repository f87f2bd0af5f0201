package io.cairn.platform.lineage;

import io.cairn.catalog.lineage.ColumnEdge;
import io.cairn.catalog.lineage.LineageGraph;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.lineage.LineageQueries.Direction;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/column-lineage}, Marquez's column lineage: {@code nodeId=datasetField:<ns>:<name>:<col>}
 * (or {@code dataset:<ns>:<name>} for all its fields), {@code depth} (edges, default 20) and
 * {@code withDownstream} (default false: upstream only, as Marquez). The answer is Marquez's
 * {@code {"graph":[{id, type: DATASET_FIELD, data, inEdges, outEdges}]}} where {@code data} is
 * {@code {namespace, dataset, datasetVersion, field, fieldType, transformationDescription, transformationType,
 * inputFields:[{namespace, dataset, datasetVersion, field, transformationDescription, transformationType}]}}.
 * Edges point from the input field to the derived field, as in Cairn's {@code /api/v1/lineage}. Every role.
 */
@Path("/api/v1/column-lineage")
@Produces(MediaType.APPLICATION_JSON)
public final class ColumnLineageResource {
  private final LineageQueries queries;

  ColumnLineageResource(LineageQueries queries) {
    this.queries = queries;
  }

  /** One input of a field, Marquez's {@code InputFieldNodeData}. */
  public record InputField(String namespace, String dataset, String datasetVersion, String field,
      String transformationDescription, String transformationType) {}

  /** Marquez's {@code ColumnLineageNodeData}. */
  public record FieldData(String namespace, String dataset, String datasetVersion, String field, String fieldType,
      String transformationDescription, String transformationType, List<InputField> inputFields) {}

  /** A node of the column graph. */
  public record FieldNode(String id, String type, FieldData data, List<LineageGraph.Edge> inEdges,
      List<LineageGraph.Edge> outEdges) {}

  @GET
  @RolesAllowed(Roles.VIEWER)
  public Map<String, List<FieldNode>> lineage(@QueryParam("nodeId") String nodeId,
      @QueryParam("depth") @DefaultValue("20") int depth,
      @QueryParam("withDownstream") @DefaultValue("false") boolean withDownstream) {
    if (depth < 1 || depth > 100) {
      throw ApiException.badRequest("depth must be 1..100");
    }
    if (nodeId != null && nodeId.startsWith("job:")) {
      throw ApiException.badRequest("nodeId must be datasetField:<namespace>:<name>:<field> or "
          + "dataset:<namespace>:<name>");
    }
    NodeIds.Resolved node = NodeIds.resolve(nodeId, queries);
    Map<String, Map<String, String>> typesByDataset = new LinkedHashMap<>();
    List<String> starts = node.field() != null ? List.of(node.field()) : List.copyOf(typesOf(node.id()).keySet());
    Set<ColumnEdge> edges = new LinkedHashSet<>();
    for (String field : starts) {
      edges.addAll(strip(queries.columnLineage(node.id(), field, depth, Direction.UPSTREAM)));
      if (withDownstream) {
        edges.addAll(strip(queries.columnLineage(node.id(), field, depth, Direction.DOWNSTREAM)));
      }
    }
    Map<String, ColumnEdge.Field> fields = new LinkedHashMap<>();
    Map<String, List<ColumnEdge>> inputs = new LinkedHashMap<>();
    Map<String, List<LineageGraph.Edge>> in = new LinkedHashMap<>();
    Map<String, List<LineageGraph.Edge>> out = new LinkedHashMap<>();
    for (ColumnEdge e : edges) {
      fields.putIfAbsent(e.target().nodeId(), e.target());
      fields.putIfAbsent(e.source().nodeId(), e.source());
      inputs.computeIfAbsent(e.target().nodeId(), k -> new ArrayList<>()).add(e);
      LineageGraph.Edge edge = new LineageGraph.Edge(e.source().nodeId(), e.target().nodeId());
      in.computeIfAbsent(e.target().nodeId(), k -> new ArrayList<>()).add(edge);
      out.computeIfAbsent(e.source().nodeId(), k -> new ArrayList<>()).add(edge);
    }
    // fields with no lineage: Marquez answers with the node alone
    String[] dataset = node.field() != null
        ? datasetOf(nodeId.substring("datasetField:".length(), nodeId.length() - node.field().length() - 1))
        : datasetOf(nodeId.substring("dataset:".length()));
    for (String field : starts) {
      ColumnEdge.Field f = new ColumnEdge.Field(dataset[0], dataset[1], field);
      fields.putIfAbsent(f.nodeId(), f);
    }
    List<FieldNode> graph = new ArrayList<>();
    for (Map.Entry<String, ColumnEdge.Field> f : fields.entrySet()) {
      ColumnEdge.Field field = f.getValue();
      Map<String, String> known = typesByDataset.computeIfAbsent(field.namespace() + "\u0000" + field.name(), k ->
          queries.datasetId(field.namespace(), field.name()).map(id -> typesOf(id)).orElse(Map.of()));
      List<InputField> inputFields = inputs.getOrDefault(f.getKey(), List.of()).stream()
          .map(e -> new InputField(e.source().namespace(), e.source().name(), null, e.source().field(),
              e.description(), transformationType(e)))
          .toList();
      FieldData data = new FieldData(field.namespace(), field.name(), null, field.field(),
          known.get(field.field()), inputFields.isEmpty() ? null : inputFields.getFirst().transformationDescription(),
          inputFields.isEmpty() ? null : inputFields.getFirst().transformationType(), inputFields);
      graph.add(new FieldNode(f.getKey(), "DATASET_FIELD", data, in.getOrDefault(f.getKey(), List.of()),
          out.getOrDefault(f.getKey(), List.of())));
    }
    return Map.of("graph", graph);
  }

  /** A dataset's fields and their types: the current schema, else lineage's latest, then edge-only fields. */
  private Map<String, String> typesOf(long datasetId) {
    LineageQueries.Fields fields = queries.fields(datasetId);
    Map<String, String> types = SchemaFields.of(fields.schemaJson());
    fields.types().forEach((name, type) -> {
      if (type != null || !types.containsKey(name)) {
        types.put(name, type);
      }
    });
    return types;
  }

  /** The edges without their depth, so the same edge reached from two fields is one edge. */
  private static List<ColumnEdge> strip(List<ColumnEdge> edges) {
    return edges.stream().map(e -> new ColumnEdge(e.source(), e.target(), e.type(), e.subtype(), e.masking(),
        e.description(), e.job(), e.flowId(), 0)).toList();
  }

  /** OpenLineage's type and subtype as Marquez shows one: {@code DIRECT/IDENTITY}, with {@code /MASKED}. */
  private static String transformationType(ColumnEdge e) {
    String t = e.subtype() == null || e.subtype().isBlank() ? e.type() : e.type() + "/" + e.subtype();
    return e.masking() ? t + "/MASKED" : t;
  }

  /** The namespace and name of a dataset the catalog knows, from {@code <namespace>:<name>}. */
  private String[] datasetOf(String rest) {
    for (int i = rest.indexOf(':'); i > 0; i = rest.indexOf(':', i + 1)) {
      if (queries.datasetId(rest.substring(0, i), rest.substring(i + 1)).isPresent()) {
        return new String[] {rest.substring(0, i), rest.substring(i + 1)};
      }
    }
    throw ApiException.notFound("no dataset " + rest);
  }
}
