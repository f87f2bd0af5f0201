package io.cairn.platform.lineage;

import io.cairn.catalog.lineage.LineageGraph.NodeType;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.platform.api.ApiException;
import java.util.Optional;

/**
 * Parses Marquez node ids ({@code dataset:<namespace>:<name>}, {@code job:<namespace>:<name>},
 * {@code datasetField:<namespace>:<name>:<field>}). Namespaces and names may hold colons
 * ({@code postgres://db:5432}), so the split is the one that names a node the catalog knows.
 */
final class NodeIds {
  /** A resolved node: its type, catalog id and, for fields, the field. */
  record Resolved(NodeType type, long id, String field) {}

  private NodeIds() {}

  static Resolved resolve(String nodeId, LineageQueries queries) {
    if (nodeId == null || nodeId.isBlank()) {
      throw ApiException.badRequest("nodeId is required, e.g. dataset:<namespace>:<name> or job:<namespace>:<name>");
    }
    if (nodeId.startsWith("datasetField:")) {
      String rest = nodeId.substring("datasetField:".length());
      int last = rest.lastIndexOf(':');
      if (last <= 0 || last == rest.length() - 1) {
        throw ApiException.badRequest("a field node id is datasetField:<namespace>:<name>:<field>");
      }
      long id = split(rest.substring(0, last), queries, NodeType.DATASET).orElseThrow(() ->
          ApiException.notFound("no dataset for node " + nodeId));
      return new Resolved(NodeType.DATASET, id, rest.substring(last + 1));
    }
    NodeType type;
    String rest;
    if (nodeId.startsWith("dataset:")) {
      type = NodeType.DATASET;
      rest = nodeId.substring("dataset:".length());
    } else if (nodeId.startsWith("job:")) {
      type = NodeType.JOB;
      rest = nodeId.substring("job:".length());
    } else {
      throw ApiException.badRequest("nodeId must start with dataset:, job: or datasetField:, not '" + nodeId + "'");
    }
    long id = split(rest, queries, type).orElseThrow(() -> ApiException.notFound("no node " + nodeId));
    return new Resolved(type, id, null);
  }

  private static Optional<Long> split(String rest, LineageQueries queries, NodeType type) {
    for (int i = rest.indexOf(':'); i > 0; i = rest.indexOf(':', i + 1)) {
      String ns = rest.substring(0, i);
      String name = rest.substring(i + 1);
      Optional<Long> id = type == NodeType.DATASET ? queries.datasetId(ns, name) : queries.jobId(ns, name);
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }
}
