package io.cairn.governance.erasure;

import io.cairn.catalog.QuarantineReviewRepository;
import io.cairn.catalog.QuarantinedRecord;
import io.cairn.spi.data.DatasetRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quarantine as a store of records about people: a record is the person's when its subject is one of their
 * identifier values or its payload contains one of at least {@value QuarantineReviewRepository#MIN_PAYLOAD_MATCH}
 * characters (a record quarantined before its subject was known). Erasure deletes such records whatever their
 * review state; a replay of one that was claimed meanwhile then settles nothing.
 */
public final class QuarantinedPersonRecords implements PersonRecords {
  /** The most records one access request exports. */
  static final int EXPORT_LIMIT = 10_000;
  private static final DatasetRef REF = new DatasetRef("cairn", "quarantine");

  private final QuarantineReviewRepository quarantine;

  public QuarantinedPersonRecords(QuarantineReviewRepository quarantine) {
    this.quarantine = quarantine;
  }

  @Override
  public DatasetRef ref() {
    return REF;
  }

  @Override
  public List<Map<String, Object>> export(Collection<String> values) {
    return quarantine.aboutPerson(values, EXPORT_LIMIT).stream().map(QuarantinedPersonRecords::fields).toList();
  }

  @Override
  public long erase(Collection<String> values) {
    return quarantine.deleteAboutPerson(values);
  }

  @Override
  public String matchedBy() {
    return "subject id, or an identifier of at least " + QuarantineReviewRepository.MIN_PAYLOAD_MATCH
        + " characters in the payload";
  }

  private static Map<String, Object> fields(QuarantinedRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("flowId", r.flowId().value());
    m.put("runId", r.runId());
    m.put("dataset", r.datasetNamespace() == null ? null : r.datasetNamespace() + "/" + r.datasetName());
    m.put("sourceOffset", r.sourceOffset());
    m.put("reason", r.reason());
    m.put("payload", r.payload());
    m.put("subjectId", r.subjectId());
    m.put("status", r.status());
    m.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
    return m;
  }
}
