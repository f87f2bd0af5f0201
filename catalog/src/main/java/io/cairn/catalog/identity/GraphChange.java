package io.cairn.catalog.identity;

import java.util.List;
import java.util.Map;

/**
 * What changed in a graph since it was last saved.
 *
 * @param records new records and records a source delivered again with other values, in arrival order
 * @param profileIds the new profile id of every earlier record whose profile id changed (merges, splits)
 * @param links the links made since the last save, or every link when {@code replaceLinks}
 * @param replaceLinks whether {@code links} replace the stored links (after a split, an erasure or a changed
 *     record the graph is rebuilt and its links renumbered)
 */
public record GraphChange(List<StoredRecord> records, Map<String, String> profileIds, List<StoredLink> links,
    boolean replaceLinks) {
  public GraphChange {
    records = List.copyOf(records);
    profileIds = Map.copyOf(profileIds);
    links = List.copyOf(links);
  }

  public boolean isEmpty() {
    return records.isEmpty() && profileIds.isEmpty() && links.isEmpty() && !replaceLinks;
  }
}
