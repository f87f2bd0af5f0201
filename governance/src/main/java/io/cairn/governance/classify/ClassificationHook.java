package io.cairn.governance.classify;

import io.cairn.catalog.policy.SuggestionEntry;
import io.cairn.catalog.policy.SuggestionRepository;
import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classifies what flows read: the first batch of each source in a run is scanned (up to {@value #SAMPLE} rows
 * per column) and PII suggestions are stored for stewards, respecting their earlier decisions. Tags stewards
 * accepted are added to the columns of every batch read from that dataset, so tag-based policies (masks,
 * denials) follow them. Accepted tags are read once per run and dataset. Columns of JSON events are classified
 * per field ({@code payload.context.traits.email}); a tag accepted on a field tags the column that holds it.
 */
public final class ClassificationHook implements GovernanceHook {
  static final int SAMPLE = 200;
  /** A rejected suggestion comes back only when the confidence rose by this much (the data changed). */
  static final double REOPEN = 0.1;

  private final PiiClassifier classifier;
  private final SuggestionRepository suggestions;
  private final Map<String, Map<DatasetRef, Map<String, Set<String>>>> runs = new ConcurrentHashMap<>();

  public ClassificationHook(PiiClassifier classifier, SuggestionRepository suggestions) {
    this.classifier = classifier;
    this.suggestions = suggestions;
  }

  @Override
  public Batch afterRead(RunScope run, DatasetRef source, Batch batch) {
    Map<String, Set<String>> accepted = runs.computeIfAbsent(run.runId(), r -> new ConcurrentHashMap<>())
        .computeIfAbsent(source, s -> {
          scan(s, batch);
          return acceptedTags(s);
        });
    if (accepted.isEmpty()) {
      return batch;
    }
    List<Column> cols = new ArrayList<>();
    for (Column c : batch.schema().columns()) {
      Set<String> more = accepted.get(c.name());
      cols.add(more == null ? c : c.withTags(more.toArray(String[]::new)));
    }
    return batch.with(Schema.of(cols), batch.rows());
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    runs.remove(run.runId());
  }

  private void scan(DatasetRef source, Batch batch) {
    int n = Math.min(SAMPLE, batch.size());
    Schema schema = batch.schema();
    for (int i = 0; i < schema.size(); i++) {
      Column c = schema.column(i);
      List<Object> sample = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        sample.add(batch.rows().get(r).get(i));
      }
      if (PiiClassifier.holdsJson(c.type(), sample)) {
        classifier.classifyJson(c.name(), sample).forEach((path, found) -> found.forEach(s ->
            suggestions.suggest(source.namespace(), source.name(), path, s.tag(), s.confidence(), s.reason(),
                REOPEN)));
        continue;
      }
      for (PiiClassifier.Suggestion s : classifier.classify(c.name(), c.type(), sample)) {
        if (!c.tags().contains(s.tag())) {
          suggestions.suggest(source.namespace(), source.name(), c.name(), s.tag(), s.confidence(), s.reason(),
              REOPEN);
        }
      }
    }
  }

  private Map<String, Set<String>> acceptedTags(DatasetRef source) {
    Map<String, Set<String>> out = new HashMap<>();
    for (SuggestionEntry e : suggestions.accepted(source.namespace(), source.name())) {
      addTag(out, e.column(), e.tag());
      if (e.column().contains(".")) {
        // a field of JSON events (payload.context.traits.email) tags the column that holds the events
        addTag(out, e.column().substring(0, e.column().indexOf('.')), e.tag());
      }
    }
    return out;
  }

  private static void addTag(Map<String, Set<String>> out, String column, String tag) {
    Set<String> tags = out.computeIfAbsent(column, k -> new java.util.TreeSet<>());
    tags.add(tag);
    tags.add(tag.contains(".") ? tag.substring(0, tag.indexOf('.')) : tag);
  }
}
