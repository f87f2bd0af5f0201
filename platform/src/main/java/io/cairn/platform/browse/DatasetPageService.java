package io.cairn.platform.browse;

import io.cairn.catalog.DatasetEntry;
import io.cairn.catalog.DatasetRepository;
import io.cairn.catalog.browse.DatasetPageQueries;
import io.cairn.catalog.browse.DatasetPageQueries.SchemaVersion;
import io.cairn.catalog.browse.DatasetPageQueries.VersionColumn;
import io.cairn.catalog.lineage.TagOverrides;
import io.cairn.catalog.lineage.TagOverrides.TagOverride;
import io.cairn.governance.audit.AuditLog;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.lineage.SchemaFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds dataset pages and applies stewards' tag overrides. A column's tags are those its schema declares and
 * lineage carried to it, unless a steward overrode them: then exactly the override. Every override is an
 * audit entry naming the steward, the column, the tags before and after, and the reason.
 */
public final class DatasetPageService {
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:\\-]{1,255}");
  private static final int QUALITY_RUNS = 50;

  private final DatasetRepository datasets;
  private final DatasetPageQueries queries;
  private final TagOverrides overrides;
  private final AuditLog audit;

  public DatasetPageService(DatasetRepository datasets, DatasetPageQueries queries, TagOverrides overrides,
      AuditLog audit) {
    this.datasets = datasets;
    this.queries = queries;
    this.overrides = overrides;
    this.audit = audit;
  }

  /** The page of dataset {@code id}; 404 when there is none. */
  public DatasetPage page(long id) {
    DatasetEntry d = find(id);
    List<SchemaVersion> versions = queries.versions(id);
    Map<String, DatasetPage.Column> schema = schema(id, versions);
    Set<String> tags = new TreeSet<>();
    schema.values().forEach(c -> tags.addAll(c.tags()));
    List<DatasetPage.Version> history = new ArrayList<>();
    Map<String, String> previous = Map.of();
    for (SchemaVersion v : versions) {
      Map<String, String> columns = columns(v);
      history.add(new DatasetPage.Version(v.version(), v.createdAt(), v.runId(), diff(previous, columns)));
      previous = columns;
    }
    return new DatasetPage(d.id(), d.namespace(), d.name(), d.description(), queries.owners(id), List.copyOf(tags),
        List.copyOf(schema.values()), history, queries.quality(id, QUALITY_RUNS),
        Map.of("upstream", queries.neighbours(id, true), "downstream", queries.neighbours(id, false)));
  }

  /** What an override answers: the column's tags before and after, and who set them why. */
  public record OverrideResult(long datasetId, String column, List<String> before, List<String> tags, String reason,
      String steward, java.time.OffsetDateTime updatedAt) {}

  /**
   * Sets a column's tags as a steward decided; audited.
   *
   * @throws ApiException 400 for bad tags or no reason, 404 for an unknown dataset or column
   */
  public OverrideResult override(long id, String column, List<String> tags, String reason, String steward) {
    if (tags == null) {
      throw ApiException.badRequest("tags is required: the column's whole tag set, [] for none");
    }
    for (String t : tags) {
      if (t == null || !TAG.matcher(t).matches()) {
        throw ApiException.badRequest("a tag is 1..255 letters, digits or _ . : -, not '" + t + "'");
      }
    }
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw ApiException.badRequest("reason is required (at most 1000 characters): say why the tags change");
    }
    DatasetEntry d = find(id);
    DatasetPage.Column current = schema(id, queries.versions(id)).get(column);
    if (current == null) {
      throw ApiException.notFound("dataset " + id + " has no column '" + column + "'");
    }
    TagOverride saved = overrides.put(id, column, new TreeSet<>(tags), reason.strip(), steward);
    List<String> after = List.copyOf(new TreeSet<>(saved.tags()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("steward", steward);
    details.put("datasetId", id);
    details.put("column", column);
    details.put("before", current.tags());
    details.put("after", after);
    details.put("reason", saved.reason());
    audit.record(steward, "lineage.tags.override",
        "datasetField:" + d.namespace() + ":" + d.name() + ":" + column, "ok", details);
    return new OverrideResult(id, column, current.tags(), after, saved.reason(), steward, saved.updatedAt());
  }

  private DatasetEntry find(long id) {
    return datasets.find(id).orElseThrow(() -> ApiException.notFound("no dataset " + id));
  }

  /** The current columns with their tags now: the latest version's, then columns only lineage tags name. */
  private Map<String, DatasetPage.Column> schema(long id, List<SchemaVersion> versions) {
    Map<String, TreeSet<String>> lineageTags = queries.lineageTags(id);
    Map<String, Set<String>> overridden = overrides.forDataset(id);
    Map<String, DatasetPage.Column> out = new LinkedHashMap<>();
    Map<String, List<String>> declared = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    if (!versions.isEmpty()) {
      SchemaVersion last = versions.getLast();
      for (VersionColumn c : last.columns()) {
        types.put(c.name(), c.type());
        declared.put(c.name(), c.tags());
      }
      types.putAll(last.columns().isEmpty() ? SchemaFields.of(last.fieldsJson()) : Map.of());
    }
    lineageTags.keySet().forEach(f -> types.putIfAbsent(f, null));
    overridden.keySet().forEach(f -> types.putIfAbsent(f, null));
    types.forEach((name, type) -> {
      Set<String> tags = new TreeSet<>(declared.getOrDefault(name, List.of()));
      tags.addAll(lineageTags.getOrDefault(name, new TreeSet<>()));
      out.put(name, new DatasetPage.Column(name, type,
          List.copyOf(new TreeSet<>(overridden.getOrDefault(name, tags)))));
    });
    return out;
  }

  private static Map<String, String> columns(SchemaVersion v) {
    if (!v.columns().isEmpty()) {
      Map<String, String> out = new LinkedHashMap<>();
      v.columns().forEach(c -> out.put(c.name(), c.type()));
      return out;
    }
    return SchemaFields.of(v.fieldsJson());
  }

  static DatasetPage.Diff diff(Map<String, String> before, Map<String, String> after) {
    List<String> added = new ArrayList<>();
    List<DatasetPage.Change> changed = new ArrayList<>();
    after.forEach((name, type) -> {
      if (!before.containsKey(name)) {
        added.add(name);
      } else if (!java.util.Objects.equals(before.get(name), type)) {
        changed.add(new DatasetPage.Change(name, before.get(name), type));
      }
    });
    List<String> removed = new ArrayList<>(new LinkedHashSet<>(before.keySet()));
    removed.removeAll(after.keySet());
    return new DatasetPage.Diff(added, removed, changed);
  }
}
