package io.cairn.platform.policy;

import io.cairn.catalog.ColumnEntry;
import io.cairn.catalog.DatasetEntry;
import io.cairn.catalog.DatasetRepository;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.policy.CairnResource;
import io.cairn.governance.policy.Decisions;
import io.cairn.governance.policy.PolicyEngine;
import io.cairn.governance.policy.ReadPlanner;
import io.cairn.governance.policy.Subject;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A dataset's rows as one caller may see them: {@code preview} or {@code export} access on the dataset, then
 * the caller's row filter and column masks (tag masks follow the catalog's column tags); a tagged column the
 * caller may not access is shown as nulls. Every preview and export, allowed or denied, is audited.
 */
final class DatasetViews {
  static final String DENIED = "denied";

  private final DatasetRepository datasets;
  private final DatasetSampler sampler;
  private final PolicyEngine engine;
  private final ReadPlanner planner;
  private final Function<String, Set<String>> groupsOf;
  private final AuditLog audit;

  DatasetViews(DatasetRepository datasets, DatasetSampler sampler, PolicyEngine engine, ReadPlanner planner,
      Function<String, Set<String>> groupsOf, AuditLog audit) {
    this.datasets = datasets;
    this.sampler = sampler;
    this.engine = engine;
    this.planner = planner;
    this.groupsOf = groupsOf;
    this.audit = audit;
  }

  /** A column as shown: {@code mask} says which mask and policy hid it, or null. */
  record ViewColumn(String name, String type, boolean masked, String mask) {}

  /** What the caller gets to see of the first batch read: columns, filter and how each column is masked. */
  record View(Schema schema, List<ViewColumn> columns, String rowFilter, ReadPlanner.ReadPlan plan) {}

  /** The caller may not preview or export the dataset. */
  static final class DeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeniedException(String message) {
      super(message);
    }
  }

  /** The dataset, or empty. */
  java.util.Optional<DatasetEntry> find(long id) {
    return datasets.find(id);
  }

  /**
   * Reads the dataset for {@code user} with {@code access} ({@code preview} or {@code export}), handing each
   * filtered and masked batch to {@code sink} (which returns false to stop).
   *
   * @param onView called once, before the first batch, with what the caller sees
   * @throws DeniedException without the access (audited)
   * @throws DatasetSampler.NotReadableException when the dataset cannot be read back
   */
  void read(String user, DatasetEntry dataset, String access, int batchRows,
      java.util.function.Consumer<View> onView, Predicate<Batch> sink) throws Exception {
    DatasetRef ref = new DatasetRef(dataset.namespace(), dataset.name());
    Subject who = checkAccess(user, dataset, access);
    String target = target(dataset);
    Map<String, Set<String>> tags = catalogTags(dataset);
    View[] view = new View[1];
    long[] rows = new long[1];
    try {
      sampler.read(dataset, batchRows, raw -> {
        Batch tagged = withTags(raw, tags);
        if (view[0] == null || !tagged.schema().equals(view[0].schema())) {
          view[0] = decide(who, ref, access, tagged.schema());
          onView.accept(view[0]);
        }
        Batch out = view[0].plan().apply(tagged);
        out = nullDenied(out, view[0]);
        rows[0] += out.size();
        return sink.test(out);
      });
    } finally {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("rows", rows[0]);
      if (view[0] != null) {
        details.put("masked", view[0].plan().maskedBy());
        details.put("rowFilter", view[0].rowFilter());
      }
      audit.record(user, "dataset." + access, target, view[0] != null && !view[0].plan().passesEverything()
          ? "masked" : "allowed", details);
    }
  }

  /**
   * Checks the caller's access to the dataset.
   *
   * @throws DeniedException without it (audited)
   */
  Subject checkAccess(String user, DatasetEntry dataset, String access) {
    DatasetRef ref = new DatasetRef(dataset.namespace(), dataset.name());
    Subject who = new Subject(user, groupsOf.apply(user));
    Decisions.Access a = engine.access(who, CairnResource.dataset(ref), access, Set.of());
    if (!a.allowed()) {
      audit.record(user, "dataset." + access, target(dataset), "denied", Map.of("reason", a.reason()));
      throw new DeniedException(user + " may not " + access + " " + ref + ": " + a.reason());
    }
    return who;
  }

  private static String target(DatasetEntry d) {
    return "dataset:" + d.id() + " " + new DatasetRef(d.namespace(), d.name());
  }

  private View decide(Subject who, DatasetRef ref, String access, Schema schema) {
    ReadPlanner.ReadPlan plan = planner.plan(who, ref, schema);
    List<ViewColumn> columns = new ArrayList<>();
    for (Column c : schema.columns()) {
      String mask = plan.maskedBy().get(c.name());
      if (!c.tags().isEmpty()
          && !engine.access(who, CairnResource.column(ref, c.name()), access, c.tags()).allowed()) {
        mask = DENIED;
      }
      columns.add(new ViewColumn(c.name(), c.type().name(), mask != null, mask));
    }
    return new View(schema, columns, plan.filterText(), plan);
  }

  private static Batch nullDenied(Batch batch, View view) {
    List<Integer> denied = new ArrayList<>();
    for (int i = 0; i < view.columns().size(); i++) {
      if (DENIED.equals(view.columns().get(i).mask())) {
        denied.add(i);
      }
    }
    if (denied.isEmpty()) {
      return batch;
    }
    return batch.withRows(batch.rows().stream().map(r -> {
      Object[] v = r.values();
      denied.forEach(i -> v[i] = null);
      return r.withValues(v);
    }).toList());
  }

  private Map<String, Set<String>> catalogTags(DatasetEntry d) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (d.currentSchemaVersion() != null) {
      for (ColumnEntry c : datasets.columns(d.id(), d.currentSchemaVersion())) {
        out.put(c.name(), c.tags());
      }
    }
    return out;
  }

  private static Batch withTags(Batch batch, Map<String, Set<String>> tags) {
    List<Column> cols = new ArrayList<>();
    boolean changed = false;
    for (Column c : batch.schema().columns()) {
      Set<String> t = new TreeSet<>(c.tags());
      changed |= t.addAll(tags.getOrDefault(c.name(), Set.of()));
      cols.add(new Column(c.name(), c.type(), c.nullable(), t));
    }
    return changed ? batch.with(Schema.of(cols), batch.rows()) : batch;
  }
}
