package io.cairn.connector.testkit;

import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TaskContext} that records what a task quarantines. Thread-safe. */
public final class FakeTaskContext implements TaskContext {
  /** One quarantined record, as the task reported it; {@code subjectId} null when it gave no row. */
  public record Quarantined(Provenance where, String rawRecord, String reason, String subjectId) {}

  private final String runId;
  private final Path workDir;
  private final List<Quarantined> quarantined = new CopyOnWriteArrayList<>();

  public FakeTaskContext(String runId, Path workDir) {
    this.runId = runId;
    this.workDir = workDir;
  }

  @Override
  public String flowId() {
    return "test-flow";
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public void quarantine(Provenance where, String rawRecord, String reason) {
    quarantined.add(new Quarantined(where, rawRecord, reason, null));
  }

  @Override
  public void quarantine(Row row, String rawRecord, String reason) {
    quarantined.add(new Quarantined(row.provenance(), rawRecord, reason, row.subjectId()));
  }

  @Override
  public Path workDir() {
    return workDir;
  }

  /** What was quarantined so far, in order. */
  public List<Quarantined> quarantined() {
    return List.copyOf(quarantined);
  }

  /** The reasons given so far, in order. */
  public List<String> reasons() {
    return quarantined.stream().map(Quarantined::reason).toList();
  }
}
