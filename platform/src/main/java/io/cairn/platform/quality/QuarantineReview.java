package io.cairn.platform.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.QuarantineReviewRepository;
import io.cairn.catalog.QuarantinedRecord;
import io.cairn.catalog.RunState;
import io.cairn.governance.audit.AuditLog;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.flows.FlowRuntime;
import io.cairn.platform.flows.FlowService;
import io.cairn.platform.flows.Replay;
import io.cairn.spi.data.DatasetRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quarantine review for stewards: browse a flow's quarantined records, fix one's values, and replay fixed
 * records as a run of their flow. A replay claims its records first (so two replays never take the same
 * record); when the run succeeds they are marked REPLAYED (kept, never deleted), otherwise they wait in
 * quarantine again. Rows the replay run quarantines anew are new quarantine records of that run. Fixes and
 * replays are audited with record ids and column names, never values.
 */
public final class QuarantineReview {
  private static final Logger LOG = LoggerFactory.getLogger(QuarantineReview.class);
  static final int MAX_REPLAY = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final QuarantineReviewRepository records;
  private final FlowService flows;
  private final FlowRuntime runtime;
  private final AuditLog audit;

  public QuarantineReview(QuarantineReviewRepository records, FlowService flows, FlowRuntime runtime, AuditLog audit) {
    this.records = records;
    this.flows = flows;
    this.runtime = runtime;
    this.audit = audit;
  }

  List<QuarantinedRecord> list(FlowId flow, String status, int offset, int limit) {
    requireFlow(flow);
    return records.forFlow(flow, status, offset, limit);
  }

  QuarantinedRecord get(long id) {
    return records.find(id).orElseThrow(() -> ApiException.notFound("no quarantined record " + id));
  }

  /**
   * Fixes a waiting record: {@code values} (a JSON object of plain values) are set over the record's values,
   * keeping their column order; a record that is not a JSON object (e.g. a raw CSV line) is replaced.
   */
  QuarantinedRecord fix(long id, JsonNode values, String by) {
    QuarantinedRecord record = get(id);
    if (values == null || !values.isObject() || values.isEmpty()) {
      throw ApiException.badRequest("'values' must be a non-empty JSON object of column values");
    }
    ReplayBatch.checkScalars("'values'", values);
    JsonNode merged = values;
    try {
      JsonNode old = record.payload() == null ? null : JSON.readTree(record.payload());
      if (old instanceof ObjectNode o) {
        merged = o.setAll((ObjectNode) values);
      }
    } catch (IOException e) {
      // not JSON: the fix replaces it
    }
    if (!records.edit(id, merged.toString(), by)) {
      throw ApiException.conflict("quarantined record " + id + " is " + record.status()
          + "; only a record waiting in quarantine can be fixed");
    }
    List<String> columns = new ArrayList<>();
    values.fieldNames().forEachRemaining(columns::add);
    audit.record(by, "quality.quarantine.fix", "quarantine:" + id, "ok",
        Map.of("flow", record.flowId().value(), "columns", columns));
    return get(id);
  }

  /**
   * Starts a run of the flow that reads these records instead of its source.
   *
   * @return the run id and the number of records
   */
  Map<String, Object> replay(FlowId flow, List<Long> ids, String by) {
    requireFlow(flow);
    Set<Long> wanted = new LinkedHashSet<>(ids == null ? List.of() : ids);
    if (wanted.isEmpty() || wanted.size() > MAX_REPLAY) {
      throw ApiException.badRequest("'ids' must list 1.." + MAX_REPLAY + " quarantined record ids");
    }
    List<QuarantinedRecord> found = records.findAll(wanted);
    if (found.size() != wanted.size()) {
      Set<Long> missing = new LinkedHashSet<>(wanted);
      found.forEach(r -> missing.remove(r.id()));
      throw ApiException.notFound("no quarantined record(s) " + missing);
    }
    for (QuarantinedRecord r : found) {
      if (!r.flowId().equals(flow)) {
        throw ApiException.badRequest("quarantined record " + r.id() + " belongs to flow " + r.flowId()
            + ", not " + flow);
      }
      if (!QuarantinedRecord.QUARANTINED.equals(r.status())) {
        throw ApiException.conflict("quarantined record " + r.id() + " is " + r.status() + "; it cannot be replayed");
      }
    }
    DatasetRef dataset = ReplayBatch.dataset(found);
    var batch = ReplayBatch.of(dataset, found);
    String runId = UUID.randomUUID().toString();
    if (!records.claim(flow, wanted, runId)) {
      throw ApiException.conflict("some of the records are being replayed by another request; try again");
    }
    try {
      runtime.startReplay(flow, runId, new Replay(dataset, batch, (run, state) -> settle(flow, run, state, by)));
    } catch (RuntimeException e) {
      records.settle(runId, false);
      throw ApiException.conflict("the replay could not start: " + e.getMessage());
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("flow", flow.value());
    details.put("runId", runId);
    details.put("ids", List.copyOf(wanted));
    audit.record(by, "quality.quarantine.replay", "flow:" + flow, "started", details);
    return Map.of("runId", runId, "records", wanted.size());
  }

  private void settle(FlowId flow, String runId, RunState state, String by) {
    boolean ok = state == RunState.SUCCEEDED;
    int settled = records.settle(runId, ok);
    LOG.info("flow {} replay run {} {}: {} quarantined record(s) {}", flow, runId, state, settled,
        ok ? "replayed" : "back in quarantine");
    try {
      audit.record(by, "quality.quarantine.replay", "flow:" + flow, ok ? "replayed" : "returned",
          Map.of("runId", runId, "state", state.name(), "records", settled));
    } catch (RuntimeException e) {
      LOG.error("flow {} replay run {}: audit entry not written: {}", flow, runId, e.toString());
    }
  }

  private void requireFlow(FlowId flow) {
    if (flows.get(flow).isEmpty()) {
      throw ApiException.notFound("no flow '" + flow + "'");
    }
  }
}
