package io.cairn.governance.lineage;

import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.step.ColumnDerivation.Kind;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds OpenLineage RunEvents for a run from what {@link RunLineage} collected, with the official model. */
final class RunEventBuilder {
  /** The metric set the quality step reports; it becomes the inputs' data quality facets. */
  static final String QUALITY = "quality";

  private final OpenLineage ol;
  private final URI producer;
  private final String jobNamespace;

  RunEventBuilder(URI producer, String jobNamespace) {
    this.ol = new OpenLineage(producer);
    this.producer = producer;
    this.jobNamespace = jobNamespace;
  }

  OpenLineage.RunEvent build(RunLineage run, EventType type, Throwable error) {
    OpenLineage.RunFacetsBuilder runFacets = ol.newRunFacetsBuilder();
    if (error != null) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      runFacets.errorMessage(ol.newErrorMessageRunFacet(rootMessage(error), "JAVA", trace.toString()));
    }
    Map<String, Map<String, Double>> governance = run.metrics.allBut(QUALITY);
    if (!governance.isEmpty()) {
      runFacets.put(GovernanceRunFacet.KEY, new GovernanceRunFacet(producer, governance));
    }
    QualityFacets.Facets quality = QualityFacets.of(ol, run.metrics.get(QUALITY));
    List<InputDataset> inputs = new ArrayList<>();
    run.snapshot(run.inputs).forEach((ref, io) -> inputs.add(ol.newInputDatasetBuilder()
        .namespace(ref.namespace()).name(ref.name())
        .facets(datasetFacets(io, null))
        .inputFacets(ol.newInputDatasetInputFacetsBuilder()
            .inputStatistics(ol.newInputStatisticsInputDatasetFacetBuilder().rowCount(io.rows.get()).build())
            .dataQualityMetrics(quality.metrics())
            .dataQualityAssertions(quality.assertions())
            .build())
        .build()));
    List<OutputDataset> outputs = new ArrayList<>();
    run.snapshot(run.outputs).forEach((ref, io) -> outputs.add(ol.newOutputDatasetBuilder()
        .namespace(ref.namespace()).name(ref.name())
        .facets(datasetFacets(io, ref))
        .outputFacets(ol.newOutputDatasetOutputFacetsBuilder()
            .outputStatistics(ol.newOutputStatisticsOutputDatasetFacetBuilder().rowCount(io.rows.get()).build())
            .build())
        .build()));
    return ol.newRunEventBuilder()
        .eventTime(ZonedDateTime.now(ZoneOffset.UTC))
        .eventType(type)
        .run(ol.newRun(run.runUuid, runFacets.build()))
        .job(ol.newJobBuilder().namespace(jobNamespace).name(run.scope.flowId()).facets(jobFacets(run)).build())
        .inputs(inputs)
        .outputs(outputs)
        .build();
  }

  /** Ownership: the principal the flow runs as, when it has one. */
  private OpenLineage.JobFacets jobFacets(RunLineage run) {
    OpenLineage.JobFacetsBuilder facets = ol.newJobFacetsBuilder();
    if (run.scope.principal() != null && !run.scope.principal().isBlank()) {
      facets.ownership(ol.newOwnershipJobFacet(List.of(
          ol.newOwnershipJobFacetOwners("user:" + run.scope.principal(), "RUN_AS"))));
    }
    return facets.build();
  }

  /** Schema and tags for every dataset with a known schema; column lineage for outputs ({@code output}). */
  private OpenLineage.DatasetFacets datasetFacets(RunLineage.Io io, DatasetRef output) {
    OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder();
    if (io.schema == null) {
      return facets.build();
    }
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
    List<OpenLineage.TagsDatasetFacetFields> tags = new ArrayList<>();
    for (Column c : io.schema.columns()) {
      fields.add(ol.newSchemaDatasetFacetFieldsBuilder().name(c.name()).type(c.type().name()).build());
      var carried = io.overrides.containsKey(c.name()) ? io.overrides.get(c.name())
          : output == null ? c.tags() : io.tags.getOrDefault(c.name(), c.tags());
      carried.stream().sorted().forEach(t -> tags.add(ol.newTagsDatasetFacetFields(t, "true", "CAIRN", c.name())));
    }
    facets.schema(ol.newSchemaDatasetFacet(fields));
    if (!tags.isEmpty()) {
      facets.tags(ol.newTagsDatasetFacet(tags));
    }
    if (output != null && !io.columns.isEmpty()) {
      facets.columnLineage(columnLineage(io));
    }
    return facets.build();
  }

  private OpenLineage.ColumnLineageDatasetFacet columnLineage(RunLineage.Io io) {
    OpenLineage.ColumnLineageDatasetFacetFieldsBuilder fields = ol.newColumnLineageDatasetFacetFieldsBuilder();
    for (Column c : io.schema.columns()) {
      Map<ColumnTrace.Field, Kind> from = io.columns.get(c.name());
      if (from == null || from.isEmpty()) {
        continue;
      }
      List<OpenLineage.InputField> inputs = from.entrySet().stream()
          .sorted(Comparator.comparing((Map.Entry<ColumnTrace.Field, Kind> e) -> e.getKey().dataset().toString())
              .thenComparing(e -> e.getKey().name()))
          .map(e -> ol.newInputField(e.getKey().dataset().namespace(), e.getKey().dataset().name(),
              e.getKey().name(), List.of(transformation(e.getValue()))))
          .toList();
      fields.put(c.name(), ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder().inputFields(inputs).build());
    }
    return ol.newColumnLineageDatasetFacetBuilder().fields(fields.build()).build();
  }

  /** Cairn's kinds as OpenLineage transformations (type DIRECT; subtype and masking by kind). */
  OpenLineage.InputFieldTransformations transformation(Kind kind) {
    return switch (kind) {
      case IDENTITY -> ol.newInputFieldTransformations("DIRECT", "IDENTITY", "", false);
      case MASKED -> ol.newInputFieldTransformations("DIRECT", "TRANSFORMATION", "masked", true);
      case DERIVED -> ol.newInputFieldTransformations("DIRECT", "TRANSFORMATION", "derived", false);
      case AGGREGATED -> ol.newInputFieldTransformations("DIRECT", "AGGREGATION", "aggregated", false);
    };
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    String msg = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        msg = t.getMessage();
      }
    }
    return msg == null ? t.getClass().getName() : msg;
  }
}
