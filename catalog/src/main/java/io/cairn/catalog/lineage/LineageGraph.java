package io.cairn.catalog.lineage;

import java.util.List;

/**
 * A part of the lineage graph: datasets and jobs, and the edges between them (a job's inputs point at the
 * job; the job points at its outputs).
 */
public record LineageGraph(List<Node> nodes, List<Edge> edges) {
  public LineageGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** A node kind, named as Marquez names them. */
  public enum NodeType {
    DATASET,
    JOB
  }

  /** A dataset or a job; {@code flowId} is set for jobs that are Cairn flows. */
  public record Node(NodeType type, long id, String namespace, String name, String flowId) {
    /** The Marquez node id, e.g. {@code dataset:file:/data/in.csv}. */
    public String nodeId() {
      return (type == NodeType.DATASET ? "dataset:" : "job:") + namespace + ":" + name;
    }
  }

  /** A directed edge between two nodes, given by their node ids. */
  public record Edge(String origin, String destination) {}
}
