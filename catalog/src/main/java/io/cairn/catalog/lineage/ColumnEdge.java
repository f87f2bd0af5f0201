package io.cairn.catalog.lineage;

/**
 * A stored column-level edge, for queries.
 *
 * @param depth the number of edges between the queried column and this edge's far end (1 = direct)
 * @param job the job that derived the column, as {@code namespace:name}, or null
 * @param flowId the Cairn flow that job is, or null
 */
public record ColumnEdge(Field source, Field target, String type, String subtype, boolean masking,
    String description, String job, String flowId, int depth) {

  /** A column of a dataset. */
  public record Field(String namespace, String name, String field) {
    /** The Marquez node id, {@code datasetField:<namespace>:<name>:<field>}. */
    public String nodeId() {
      return "datasetField:" + namespace + ":" + name + ":" + field;
    }
  }
}
