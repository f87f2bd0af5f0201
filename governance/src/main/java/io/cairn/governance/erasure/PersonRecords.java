package io.cairn.governance.erasure;

import io.cairn.spi.data.DatasetRef;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A store of Cairn's own (not a flow's dataset) that may hold records about a person, such as the quarantine: an
 * access request exports what it holds about them, an erasure request deletes it. Each gets a step in the request
 * and a line in its audited proof, like a dataset.
 */
public interface PersonRecords {
  /** How the store appears in steps and bundles, e.g. {@code cairn/quarantine}. */
  DatasetRef ref();

  /**
   * The person's records, each as a map of its fields.
   *
   * @param values the person's resolved identifier values (as given and normalised)
   */
  List<Map<String, Object>> export(Collection<String> values);

  /** Deletes the person's records; returns how many. */
  long erase(Collection<String> values);

  /** What the step says about how records were matched. */
  String matchedBy();
}
