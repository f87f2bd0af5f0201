package io.cairn.catalog.lineage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything one OpenLineage event adds to the catalog, stored in one transaction.
 *
 * @param kind {@code RUN}, {@code DATASET} or {@code JOB} (the event's type)
 * @param eventType the run event's type ({@code START}, {@code RUNNING}, {@code COMPLETE}, ...); null otherwise
 * @param eventTime when the event happened
 * @param producer the producer URI
 * @param payload the event as received (JSON)
 * @param job the job (null for a dataset event)
 * @param run the run (null unless a run event)
 * @param datasets the datasets named by the event
 * @param columnEdges the column-level edges the event declares
 */
public record LineageWrite(String kind, String eventType, OffsetDateTime eventTime, String producer, String payload,
    JobRef job, RunInfo run, List<DatasetIo> datasets, List<ColumnEdgeWrite> columnEdges) {
  public LineageWrite {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(payload, "payload");
    datasets = List.copyOf(datasets);
    columnEdges = List.copyOf(columnEdges);
  }

  /** A job, the Cairn flow it runs when it is one of Cairn's own, and its owners (the ownership facet). */
  public record JobRef(String namespace, String name, String flowId, java.util.List<Owner> owners) {
    public JobRef {
      owners = owners == null ? java.util.List.of() : java.util.List.copyOf(owners);
    }

    public JobRef(String namespace, String name, String flowId) {
      this(namespace, name, flowId, java.util.List.of());
    }
  }

  /** An owner from an ownership facet, e.g. {@code user:ana} of type {@code MAINTAINER} (type may be null). */
  public record Owner(String name, String type) {}

  /**
   * A run.
   *
   * @param runUuid the OpenLineage run id
   * @param flowRunId the Cairn flow run it is, when it is one (a row of {@code flow_runs})
   * @param state the run's state after the event
   * @param error the error message of a failed run
   */
  public record RunInfo(String runUuid, String flowRunId, String state, String error) {}

  /**
   * A dataset named by an event.
   *
   * @param direction {@code INPUT} or {@code OUTPUT} for a job's datasets; null for a dataset event's own
   * @param schemaFields the schema facet's fields as JSON, or null when the event carries no schema
   * @param columnTags tags by column, from the tags facet's field-level tags (with their source)
   * @param owners the dataset's owners, from its ownership facet
   */
  public record DatasetIo(String namespace, String name, String direction, String schemaFields,
      java.util.List<ColumnTag> columnTags, java.util.List<Owner> owners) {
    public DatasetIo {
      columnTags = columnTags == null ? java.util.List.of() : java.util.List.copyOf(columnTags);
      owners = owners == null ? java.util.List.of() : java.util.List.copyOf(owners);
    }

    public DatasetIo(String namespace, String name, String direction, String schemaFields,
        java.util.List<ColumnTag> columnTags) {
      this(namespace, name, direction, schemaFields, columnTags, java.util.List.of());
    }

    public DatasetIo(String namespace, String name, String direction, String schemaFields) {
      this(namespace, name, direction, schemaFields, java.util.List.of());
    }
  }

  /** A tag on a column, and who set it (e.g. {@code CAIRN}). */
  public record ColumnTag(String field, String tag, String source) {}

  /** One output field deriving from one input field. */
  public record ColumnEdgeWrite(String srcNamespace, String srcName, String srcField, String dstNamespace,
      String dstName, String dstField, String type, String subtype, boolean masking, String description) {}
}
