package io.cairn.connector.kafka;

import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's context for a decoding thread: keeps the records that decoding quarantined until their batch is
 * handed out, when {@link #handTo} passes them to the host's context on the polling thread.
 */
final class QuarantineBuffer implements TaskContext {
  private final TaskContext host;
  private final List<Quarantined> entries = new ArrayList<>();

  QuarantineBuffer(TaskContext host) {
    this.host = host;
  }

  @Override
  public String flowId() {
    return host.flowId();
  }

  @Override
  public String runId() {
    return host.runId();
  }

  @Override
  public void quarantine(Provenance where, String rawRecord, String reason) {
    entries.add(new Quarantined(where, rawRecord, reason));
  }

  @Override
  public Path workDir() {
    return host.workDir();
  }

  /** Quarantines the kept records in the host's context. */
  void handTo(TaskContext context) {
    entries.forEach(q -> context.quarantine(q.where(), q.rawRecord(), q.reason()));
  }

  private record Quarantined(Provenance where, String rawRecord, String reason) {}
}
