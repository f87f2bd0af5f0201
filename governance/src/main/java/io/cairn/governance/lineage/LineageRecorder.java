package io.cairn.governance.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.spi.Purpose;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.step.ColumnDerivation;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits OpenLineage RunEvents for every run of every flow: START when it starts, RUNNING every
 * {@code runningInterval} while something changed (with input and output row counts), and COMPLETE, FAIL
 * (with the error) or ABORT (stopped) when it ends. Inputs and outputs are the datasets the runtime
 * reports; column lineage follows the steps' declared derivations. The batch path only updates in-memory
 * state per batch; events are built at run start and end and on the recorder's ticker, and handed to the
 * sink on the recorder's writer thread, in order.
 */
public final class LineageRecorder implements GovernanceHook, AutoCloseable {
  /** The producer Cairn puts in its events. */
  public static final URI PRODUCER = URI.create("https://github.com/cairn-data/cairn");
  private static final Logger LOG = LoggerFactory.getLogger(LineageRecorder.class);

  /** Receives every event Cairn emits, on the recorder's writer thread. */
  @FunctionalInterface
  public interface Sink {
    void accept(JsonNode event);
  }

  private final RunEventBuilder builder;
  private final Sink sink;
  private final Function<DatasetRef, Map<String, Set<String>>> tagLookup;
  private final Function<DatasetRef, Map<String, Set<String>>> overrideLookup;
  private final ObjectMapper mapper = OpenLineageClientUtils.newObjectMapper();
  private final Map<String, RunLineage> runs = new ConcurrentHashMap<>();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "cairn-lineage-writer"));
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cairn-lineage-running"));

  /**
   * @param jobNamespace the OpenLineage namespace of Cairn's jobs (one job per flow, named by the flow id)
   * @param runningInterval how often a RUNNING event is emitted for a run in progress that changed
   * @param sink where events go (the catalog, and any transport)
   */
  public LineageRecorder(String jobNamespace, Duration runningInterval, Sink sink) {
    this(jobNamespace, runningInterval, sink, dataset -> Map.of());
  }

  /**
   * @param tagLookup the tags lineage already carried to each column of a dataset (asked once per run and
   *     input dataset), so tags propagate from flow to flow
   */
  public LineageRecorder(String jobNamespace, Duration runningInterval, Sink sink,
      Function<DatasetRef, Map<String, Set<String>>> tagLookup) {
    this(jobNamespace, runningInterval, sink, tagLookup, dataset -> Map.of());
  }

  /**
   * @param overrideLookup the columns of a dataset whose tags a steward overrode, with their tags (asked once
   *     per run and dataset): an override wins over the tags the batch declares and lineage carried, in the
   *     events and in what propagates from the column
   */
  public LineageRecorder(String jobNamespace, Duration runningInterval, Sink sink,
      Function<DatasetRef, Map<String, Set<String>>> tagLookup,
      Function<DatasetRef, Map<String, Set<String>>> overrideLookup) {
    this.builder = new RunEventBuilder(PRODUCER, jobNamespace);
    this.sink = sink;
    this.tagLookup = tagLookup;
    this.overrideLookup = overrideLookup;
    long ms = runningInterval.toMillis();
    ticker.scheduleWithFixedDelay(this::emitRunning, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onRunStart(RunScope run) {
    RunLineage r = new RunLineage(run, tagLookup, overrideLookup);
    runs.put(run.runId(), r);
    emit(r, EventType.START, null);
  }

  @Override
  public Batch afterRead(RunScope run, DatasetRef source, Batch batch) {
    RunLineage r = runs.get(run.runId());
    if (r != null) {
      r.read(source, batch.schema(), batch.size());
    }
    return batch;
  }

  @Override
  public Batch beforeStep(RunScope run, String stepName, Set<Purpose> purposes, List<ColumnDerivation> lineage,
      Batch batch) {
    RunLineage r = runs.get(run.runId());
    if (r != null) {
      r.step(batch.schema(), lineage);
    }
    return batch;
  }

  @Override
  public void afterWrite(RunScope run, DatasetRef target, Batch batch, long rows) {
    RunLineage r = runs.get(run.runId());
    if (r != null) {
      r.wrote(target, batch.schema(), rows);
    }
  }

  @Override
  public void onEndpoint(RunScope run, DatasetRef dataset, Direction direction) {
    RunLineage r = runs.get(run.runId());
    if (r != null) {
      r.endpoint(dataset, direction == Direction.INPUT);
    }
  }

  /**
   * Adds one batch's metrics to the run's: {@code quality} becomes the inputs' {@code dataQualityMetrics} and
   * {@code dataQualityAssertions} facets, any other name a set in the {@code cairn_governance} run facet.
   */
  @Override
  public void onMetrics(RunScope run, String name, Map<String, Double> counts) {
    RunLineage r = runs.get(run.runId());
    if (r != null) {
      r.metrics(name, counts);
    }
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    RunLineage r = runs.remove(run.runId());
    if (r == null) {
      return;
    }
    EventType type = switch (state) {
      case "SUCCEEDED" -> EventType.COMPLETE;
      case "FAILED" -> EventType.FAIL;
      default -> EventType.ABORT;
    };
    emit(r, type, type == EventType.FAIL && error == null ? new IllegalStateException("the run failed") : error);
  }

  /** Waits until every event emitted so far reached the sink; for orderly shutdown and tests. */
  public void flush() throws InterruptedException {
    try {
      writer.submit(() -> { }).get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("lineage writer did not drain: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    ticker.shutdownNow();
    writer.shutdown();
    if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
      LOG.warn("lineage events still pending at shutdown were dropped");
      writer.shutdownNow();
    }
  }

  private void emitRunning() {
    for (RunLineage r : runs.values()) {
      long v = r.version();
      if (v != r.emittedVersion) {
        r.emittedVersion = v;
        emit(r, EventType.RUNNING, null);
      }
    }
  }

  /**
   * Builds the event now (counts as of now; never on the batch path) and hands it to the writer thread. Per
   * run, events are submitted in order and nothing follows the run's last event.
   */
  private void emit(RunLineage run, EventType type, Throwable error) {
    synchronized (run) {
      if (run.ended) {
        return;
      }
      run.ended = type == EventType.COMPLETE || type == EventType.FAIL || type == EventType.ABORT;
      JsonNode event;
      try {
        event = mapper.valueToTree(builder.build(run, type, error));
      } catch (RuntimeException e) {
        LOG.warn("flow {} run {}: lineage event {} not built: {}", run.scope.flowId(), run.scope.runId(), type,
            e.toString());
        return;
      }
      try {
        writer.execute(() -> deliver(run, type, event));
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        LOG.debug("lineage recorder closed; {} event for run {} dropped", type, run.scope.runId());
      }
    }
  }

  private void deliver(RunLineage run, EventType type, JsonNode event) {
    try {
      sink.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("flow {} run {}: lineage event {} not recorded: {}", run.scope.flowId(), run.scope.runId(), type,
          e.getMessage());
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
