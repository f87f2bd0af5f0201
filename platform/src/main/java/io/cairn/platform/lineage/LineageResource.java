package io.cairn.platform.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.lineage.ColumnEdge;
import io.cairn.catalog.lineage.LineageGraph;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.lineage.LineageQueries.Direction;
import io.cairn.governance.lineage.InvalidLineageEventException;
import io.cairn.governance.lineage.LineageIngest;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /api/v1/lineage}, compatible with Marquez: {@code POST} takes one OpenLineage event (RunEvent,
 * DatasetEvent or JobEvent; engineers and admins, as anything that writes to the catalog), or a JSON array of
 * up to 5,000 events stored in one transaction (all or none; Cairn's own), {@code GET}
 * answers Marquez's graph for a node. Cairn's own: {@code /columns} (column lineage up or down),
 * {@code /impact} (what depends on a column) and {@code /runs} (run history of a job or a dataset). Reads are
 * open to every role.
 */
@Path("/api/v1/lineage")
@Produces(MediaType.APPLICATION_JSON)
public final class LineageResource {
  private static final int MAX_DEPTH = 100;
  private static final int MAX_BATCH = 5_000;

  private final LineageIngest ingest;
  private final LineageQueries queries;

  LineageResource(LineageIngest ingest, LineageQueries queries) {
    this.ingest = ingest;
    this.queries = queries;
  }

  /** A Marquez graph node with its edges. */
  public record GraphNode(String id, String type, Map<String, Object> data, List<LineageGraph.Edge> inEdges,
      List<LineageGraph.Edge> outEdges) {}

  /** What depends on a column. */
  public record Impact(String column, List<String> columns, List<String> datasets, List<String> jobs,
      List<String> flows, List<ColumnEdge> edges) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ENGINEER)
  public Response ingest(JsonNode event) {
    if (event != null && event.isArray()) {
      return ingestAll(event);
    }
    if (event == null || !event.isObject()) {
      throw ApiException.badRequest("the body must be one OpenLineage event as a JSON object, or an array of them");
    }
    try {
      ingest.accept(event, false);
    } catch (InvalidLineageEventException e) {
      throw new ApiException(400, "invalid OpenLineage event", e.problems());
    }
    return Response.status(Response.Status.CREATED).build();
  }

  /** A JSON array of events: validated, then stored in one transaction, all or none. */
  private Response ingestAll(JsonNode array) {
    if (array.isEmpty() || array.size() > MAX_BATCH) {
      throw ApiException.badRequest("an array of events must hold 1.." + MAX_BATCH + " events");
    }
    List<JsonNode> events = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isObject()) {
        throw ApiException.badRequest("events[" + i + "] must be an OpenLineage event as a JSON object");
      }
      events.add(array.get(i));
    }
    try {
      ingest.acceptAll(events, false);
    } catch (InvalidLineageEventException e) {
      throw new ApiException(400, "invalid OpenLineage event", e.problems());
    }
    return Response.status(Response.Status.CREATED).entity(Map.of("stored", events.size())).build();
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  public Map<String, List<GraphNode>> graph(@QueryParam("nodeId") String nodeId,
      @QueryParam("depth") @DefaultValue("20") int depth,
      @QueryParam("direction") @DefaultValue("BOTH") String direction) {
    NodeIds.Resolved node = NodeIds.resolve(nodeId, queries);
    LineageGraph g = queries.graph(node.type(), node.id(), depth(depth), direction(direction));
    Map<String, List<LineageGraph.Edge>> in = new java.util.HashMap<>();
    Map<String, List<LineageGraph.Edge>> out = new java.util.HashMap<>();
    for (LineageGraph.Edge e : g.edges()) {
      in.computeIfAbsent(e.destination(), k -> new ArrayList<>()).add(e);
      out.computeIfAbsent(e.origin(), k -> new ArrayList<>()).add(e);
    }
    List<GraphNode> nodes = new ArrayList<>();
    for (LineageGraph.Node n : g.nodes()) {
      Map<String, Object> data = new java.util.LinkedHashMap<>();
      data.put("id", Map.of("namespace", n.namespace(), "name", n.name()));
      data.put("namespace", n.namespace());
      data.put("name", n.name());
      if (n.flowId() != null) {
        data.put("flowId", n.flowId());
      }
      nodes.add(new GraphNode(n.nodeId(), n.type().name(), data, in.getOrDefault(n.nodeId(), List.of()),
          out.getOrDefault(n.nodeId(), List.of())));
    }
    return Map.of("graph", nodes);
  }

  @GET
  @Path("/columns")
  @RolesAllowed(Roles.VIEWER)
  public List<ColumnEdge> columns(@QueryParam("nodeId") String nodeId,
      @QueryParam("depth") @DefaultValue("20") int depth,
      @QueryParam("direction") @DefaultValue("BOTH") String direction) {
    NodeIds.Resolved field = field(nodeId);
    return queries.columnLineage(field.id(), field.field(), depth(depth), direction(direction));
  }

  @GET
  @Path("/runs")
  @RolesAllowed(Roles.VIEWER)
  public List<LineageQueries.RunView> runs(@QueryParam("nodeId") String nodeId,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit must be 1..1000");
    }
    NodeIds.Resolved node = NodeIds.resolve(nodeId, queries);
    if (node.field() != null) {
      throw ApiException.badRequest("runs are kept per job or dataset, not per field");
    }
    return queries.runs(node.type(), node.id(), limit);
  }

  @GET
  @Path("/impact")
  @RolesAllowed(Roles.VIEWER)
  public Impact impact(@QueryParam("nodeId") String nodeId, @QueryParam("depth") @DefaultValue("20") int depth) {
    NodeIds.Resolved field = field(nodeId);
    List<ColumnEdge> edges = queries.columnLineage(field.id(), field.field(), depth(depth), Direction.DOWNSTREAM);
    TreeSet<String> columns = new TreeSet<>();
    TreeSet<String> datasets = new TreeSet<>();
    TreeSet<String> jobs = new TreeSet<>();
    TreeSet<String> flows = new TreeSet<>();
    for (ColumnEdge e : edges) {
      columns.add(e.target().nodeId());
      datasets.add("dataset:" + e.target().namespace() + ":" + e.target().name());
      if (e.job() != null) {
        jobs.add("job:" + e.job());
      }
      if (e.flowId() != null) {
        flows.add(e.flowId());
      }
    }
    return new Impact(nodeId, List.copyOf(columns), List.copyOf(datasets), List.copyOf(jobs), List.copyOf(flows),
        edges);
  }

  private NodeIds.Resolved field(String nodeId) {
    if (nodeId == null || !nodeId.startsWith("datasetField:")) {
      throw ApiException.badRequest("nodeId must be a column: datasetField:<namespace>:<name>:<field>");
    }
    return NodeIds.resolve(nodeId, queries);
  }

  private static int depth(int depth) {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw ApiException.badRequest("depth must be 1.." + MAX_DEPTH);
    }
    return depth;
  }

  private static Direction direction(String direction) {
    try {
      return Direction.valueOf(direction.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("direction must be UPSTREAM, DOWNSTREAM or BOTH");
    }
  }
}
