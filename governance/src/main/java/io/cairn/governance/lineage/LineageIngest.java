package io.cairn.governance.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.lineage.LineageRepository;
import io.cairn.catalog.lineage.LineageWrite;
import io.cairn.catalog.lineage.LineageWrite.ColumnEdgeWrite;
import io.cairn.catalog.lineage.LineageWrite.DatasetIo;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates OpenLineage events and stores them in the catalog: RunEvents, DatasetEvents and JobEvents, from
 * Cairn itself and from any other producer. Datasets merge by namespace and name, so Spark's or Airflow's
 * events join the same graph as Cairn's own. Thread-safe.
 */
public final class LineageIngest {
  private static final int MAX_NAMESPACE = 512;
  private static final int MAX_NAME = 1024;
  private static final int MAX_FIELD = 255;

  private final EventValidator validator;
  private final LineageRepository repository;
  private final String ownJobNamespace;

  /**
   * @param ownJobNamespace the job namespace of Cairn's own events; their jobs are linked to flows and their
   *     runs to flow runs
   */
  public LineageIngest(EventValidator validator, LineageRepository repository, String ownJobNamespace) {
    this.validator = validator;
    this.repository = repository;
    this.ownJobNamespace = ownJobNamespace;
  }

  /**
   * Validates and stores one event.
   *
   * @param own whether Cairn emitted it (links its job to the flow and its run to the flow run)
   * @throws InvalidLineageEventException with every reason when the event is invalid
   */
  public void accept(JsonNode event, boolean own) {
    List<String> problems = problems(event);
    if (!problems.isEmpty()) {
      throw new InvalidLineageEventException(problems);
    }
    repository.store(write(event, own));
  }

  /**
   * Validates every event, then stores them all in one catalog transaction, in order; when any is invalid
   * nothing is stored.
   *
   * @throws InvalidLineageEventException with every reason, each prefixed with the event's index
   *     ({@code events[3]: ...}), when an event is invalid
   */
  public void acceptAll(List<JsonNode> events, boolean own) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      for (String p : problems(events.get(i))) {
        problems.add("events[" + i + "]: " + p);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidLineageEventException(problems);
    }
    List<LineageWrite> writes = new ArrayList<>(events.size());
    events.forEach(e -> writes.add(write(e, own)));
    repository.storeAll(writes);
  }

  private List<String> problems(JsonNode event) {
    List<String> problems = validator.validate(event);
    problems.addAll(limits(event));
    return problems;
  }

  private LineageWrite write(JsonNode event, boolean own) {
    String kind = event.has("run") ? "RUN" : event.has("dataset") ? "DATASET" : "JOB";
    String eventType = kind.equals("RUN") ? event.path("eventType").asText("OTHER") : null;
    JsonNode job = event.path("job");
    boolean linked = own && ownJobNamespace.equals(job.path("namespace").asText());
    LineageWrite.JobRef jobRef = job.isMissingNode() ? null : new LineageWrite.JobRef(
        job.path("namespace").asText(), job.path("name").asText(), linked ? job.path("name").asText() : null,
        owners(job.path("facets")));
    LineageWrite.RunInfo run = null;
    if (kind.equals("RUN")) {
      String runId = event.path("run").path("runId").asText();
      JsonNode error = event.path("run").path("facets").path("errorMessage").path("message");
      run = new LineageWrite.RunInfo(runId, linked ? runId : null, eventType,
          error.isTextual() ? truncate(error.asText(), 4000) : null);
    }
    List<DatasetIo> datasets = new ArrayList<>();
    List<ColumnEdgeWrite> edges = new ArrayList<>();
    dataset(event.path("dataset"), null, datasets, edges);
    event.path("inputs").forEach(d -> dataset(d, "INPUT", datasets, edges));
    event.path("outputs").forEach(d -> dataset(d, "OUTPUT", datasets, edges));
    return new LineageWrite(kind, eventType, OffsetDateTime.parse(event.path("eventTime").asText()),
        event.path("producer").asText(), event.toString(), jobRef, run, datasets, edges);
  }

  private static void dataset(JsonNode d, String direction, List<DatasetIo> datasets, List<ColumnEdgeWrite> edges) {
    if (d.isMissingNode()) {
      return;
    }
    String ns = d.path("namespace").asText();
    String name = d.path("name").asText();
    JsonNode facets = d.path("facets");
    JsonNode fields = facets.path("schema").path("fields");
    List<LineageWrite.ColumnTag> tags = new ArrayList<>();
    for (JsonNode t : facets.path("tags").path("tags")) {
      String field = t.path("field").asText("");
      String key = t.path("key").asText("");
      String value = t.path("value").asText("");
      if (!field.isEmpty() && !key.isEmpty() && field.length() <= MAX_FIELD) {
        String tag = value.isEmpty() || value.equals("true") ? key : key + ":" + value;
        tags.add(new LineageWrite.ColumnTag(field, truncate(tag, 255), truncate(t.path("source").asText("?"), 64)));
      }
    }
    datasets.add(new DatasetIo(ns, name, direction, fields.isArray() ? fields.toString() : null, tags,
        owners(facets)));
    for (Map.Entry<String, JsonNode> out : facets.path("columnLineage").path("fields").properties()) {
      JsonNode field = out.getValue();
      for (JsonNode in : field.path("inputFields")) {
        JsonNode t = in.path("transformations").path(0);
        String type = t.isMissingNode() ? "DIRECT" : t.path("type").asText("DIRECT");
        String subtype = t.isMissingNode() ? legacySubtype(field) : t.path("subtype").asText(null);
        boolean masking = t.isMissingNode()
            ? "MASKED".equals(field.path("transformationType").asText()) : t.path("masking").asBoolean(false);
        String description = t.isMissingNode()
            ? field.path("transformationDescription").asText(null) : t.path("description").asText(null);
        edges.add(new ColumnEdgeWrite(in.path("namespace").asText(), in.path("name").asText(),
            in.path("field").asText(), ns, name, out.getKey(), truncate(type, 16), truncate(subtype, 32), masking,
            truncate(description, 1024)));
      }
    }
  }

  /** The owners of an ownership facet (names cut to what the catalog keeps). */
  private static List<LineageWrite.Owner> owners(JsonNode facets) {
    List<LineageWrite.Owner> owners = new ArrayList<>();
    for (JsonNode o : facets.path("ownership").path("owners")) {
      String owner = o.path("name").asText("");
      if (!owner.isBlank() && !facets.path("ownership").path("_deleted").asBoolean(false)) {
        owners.add(new LineageWrite.Owner(truncate(owner, 512), truncate(o.path("type").asText(null), 128)));
      }
    }
    return owners;
  }

  private static String legacySubtype(JsonNode field) {
    return "IDENTITY".equals(field.path("transformationType").asText()) ? "IDENTITY" : "TRANSFORMATION";
  }

  /** Names longer than the catalog keeps are refused rather than cut. */
  private static List<String> limits(JsonNode event) {
    List<String> problems = new ArrayList<>();
    List<JsonNode> named = new ArrayList<>();
    named.add(event.path("dataset"));
    event.path("inputs").forEach(named::add);
    event.path("outputs").forEach(named::add);
    for (JsonNode d : named) {
      if (d.path("namespace").asText().length() > MAX_NAMESPACE || d.path("name").asText().length() > MAX_NAME) {
        problems.add("dataset namespace (max " + MAX_NAMESPACE + ") or name (max " + MAX_NAME + ") too long");
      }
      for (Map.Entry<String, JsonNode> out : d.path("facets").path("columnLineage").path("fields").properties()) {
        if (out.getKey().length() > MAX_FIELD) {
          problems.add("column name longer than " + MAX_FIELD + ": " + out.getKey().substring(0, 40) + "...");
        }
        for (JsonNode in : out.getValue().path("inputFields")) {
          if (in.path("field").asText().length() > MAX_FIELD) {
            problems.add("input field name longer than " + MAX_FIELD);
          }
        }
      }
    }
    JsonNode job = event.path("job");
    if (job.path("namespace").asText().length() > MAX_NAMESPACE || job.path("name").asText().length() > MAX_NAME) {
      problems.add("job namespace (max " + MAX_NAMESPACE + ") or name (max " + MAX_NAME + ") too long");
    }
    return problems;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
