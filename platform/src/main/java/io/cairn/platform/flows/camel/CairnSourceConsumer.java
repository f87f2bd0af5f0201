package io.cairn.platform.flows.camel;

import io.cairn.catalog.FlowId;
import io.cairn.catalog.QuarantineEntry;
import io.cairn.platform.flows.PendingWrite;
import io.cairn.platform.flows.Replay;
import io.cairn.platform.flows.RunContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a plugin's source task on its own thread and sends each batch through the route on that thread.
 * Sinks reached on it only send their writes ({@code SinkTask.send}), so the next batches are read and sent
 * while up to {@value #MAX_IN_FLIGHT} batches wait for their acknowledgements. A batch's offset is committed
 * (catalog first, then the task) only once its writes and those of every batch before it are durable, at
 * least every {@value #COMMIT_INTERVAL_MS} ms while batches keep coming and at once when the source is idle,
 * exhausted or stopping: at-least-once, and a sink that upserts by key makes a re-run harmless. After an empty
 * poll the loop backs off (up to {@value #MAX_IDLE_MS} ms) unless the task's poll waits for rows itself.
 */
final class CairnSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(CairnSourceConsumer.class);
  private static final long MAX_IDLE_MS = 1000;
  private static final int MAX_IN_FLIGHT = 8;
  private static final long COMMIT_INTERVAL_MS = 200;

  private final CairnEndpoint endpoint;
  private ExecutorService executor;
  private volatile boolean stopping;
  private volatile SourceTask task;

  CairnSourceConsumer(CairnEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
    this.endpoint = endpoint;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    RunContext run = endpoint.getComponent().runs().forRoute(getRouteId()).orElseThrow(() ->
        new IllegalStateException("route " + getRouteId() + " was started outside the Cairn runtime"));
    stopping = false;
    executor = getEndpoint().getCamelContext().getExecutorServiceManager()
        .newSingleThreadExecutor(this, "cairn-source-" + getRouteId());
    executor.submit(() -> pollLoop(run));
  }

  @Override
  protected void doStop() throws Exception {
    stopping = true;
    SourceTask t = task;
    if (executor != null) {
      getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor, 30_000);
      executor = null;
    }
    if (t != null) {
      stopQuietly(t);
    }
    super.doStop();
  }

  private void pollLoop(RunContext run) {
    CairnComponent component = endpoint.getComponent();
    FlowId flow = new FlowId(run.flowId());
    String key = endpoint.key();
    if (run.replay().isPresent()) {
      replay(run, run.replay().get());
      return;
    }
    Thread.currentThread().setContextClassLoader(component.extensions()
        .classLoaderOf("source", endpoint.name()).orElse(getClass().getClassLoader()));
    try {
      SourceConnector connector = component.extensions().source(endpoint.name()).orElseThrow(() ->
          new IllegalStateException("source '" + endpoint.name() + "' is no longer installed"));
      Config config = connector.configDef().validate(endpoint.config());
      task = connector.createTask(config);
      String resume = component.offsets().get(flow, key).orElse(null);
      task.start(run, resume);
      DatasetRef dataset = task.dataset();
      LOG.info("flow {} run {}: reading {} from {}", flow, run.runId(), dataset,
          resume == null ? "the beginning" : "after offset " + resume);
      long idle = 10;
      InFlight inFlight = new InFlight(MAX_IN_FLIGHT, COMMIT_INTERVAL_MS, System::nanoTime,
          (offset, quarantined) -> commit(run, flow, key, offset, quarantined));
      while (!stopping && isRunAllowed()) {
        Batch batch = task.poll(component.batchSize());
        if (batch != null && !batch.isEmpty()) {
          idle = 10;
          InFlight.Sent sent = process(run, dataset, batch, inFlight);
          if (sent == null) {
            return;
          }
          inFlight.add(sent);
        } else if (batch != null) {
          inFlight.add(new InFlight.Sent(batch.sourceOffset(), run.drainQuarantined(), List.of()));
        }
        if (task.exhausted()) {
          inFlight.drain();
          run.checkpoint();
          component.lifecycle().sourceFinished(run);
          return;
        }
        if (batch == null || batch.isEmpty()) {
          inFlight.drain();
          commit(run, flow, key, null, run.drainQuarantined());
          if (!task.pollWaits()) {
            Thread.sleep(idle);
            idle = Math.min(MAX_IDLE_MS, idle * 2);
          }
        }
      }
      inFlight.drain();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      if (!stopping) {
        component.lifecycle().runFailed(run, e);
      }
    }
  }

  /** A replay run: its one batch of quarantined records instead of the source; no offset moves. */
  private void replay(RunContext run, Replay replay) {
    try {
      LOG.info("flow {} run {}: replaying {} quarantined record(s) of {}", run.flowId(), run.runId(),
          replay.batch().size(), replay.dataset());
      InFlight.Sent sent = process(run, replay.dataset(), replay.batch(), null);
      if (sent != null) {
        for (PendingWrite w : sent.writes()) {
          w.await();
        }
        commit(run, new FlowId(run.flowId()), endpoint.key(), sent.offset(), sent.quarantined());
        run.checkpoint();
        endpoint.getComponent().lifecycle().sourceFinished(run);
      }
    } catch (Throwable e) {
      if (!stopping) {
        endpoint.getComponent().lifecycle().runFailed(run, e);
      }
    }
  }

  /**
   * Sends the batch through the route; returns it with the writes its sinks left in flight and the records
   * quarantined on the way, or null when the route failed: the batches sent before it are then awaited and
   * committed (those whose writes succeed), and only then is the run failed, so a re-run that starts once the
   * run has ended resumes after them.
   */
  private InFlight.Sent process(RunContext run, DatasetRef dataset, Batch read, InFlight earlier)
      throws Exception {
    Batch batch = run.governance().afterRead(run.scope(), dataset, read);
    FlowCounters.countIn(run, batch.size());
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(batch);
      exchange.setProperty(FlowCounters.RUN_ID, run.runId());
      exchange.setProperty(FlowCounters.PIPELINED_ON, Thread.currentThread());
      getProcessor().process(exchange);
      if (exchange.getException() != null) {
        // the batch is not committed: its quarantined records come again when a re-run reads it again
        run.drainSent();
        run.drainQuarantined();
        Exception failure = exchange.getException();
        if (earlier != null) {
          try {
            earlier.drain();
          } catch (Exception e) {
            failure.addSuppressed(e);
          }
        }
        endpoint.getComponent().lifecycle().runFailed(run, failure);
        return null;
      }
    } finally {
      releaseExchange(exchange, false);
    }
    return new InFlight.Sent(batch.sourceOffset(), run.drainQuarantined(), run.drainSent());
  }

  /**
   * Stores the records quarantined up to an offset and the offset in one transaction, then tells the task. Run
   * counts are saved by the runtime every few seconds and at the end, not per batch.
   */
  private void commit(RunContext run, FlowId flow, String key, String offset, List<QuarantineEntry> quarantined)
      throws Exception {
    endpoint.getComponent().offsets().commit(flow, key, offset, run.runId(), quarantined);
    if (offset != null && task != null) {
      task.commit(offset);
    }
  }

  private static void stopQuietly(SourceTask t) {
    try {
      t.stop();
    } catch (Exception e) {
      LOG.warn("stopping a source task failed: {}", e.toString());
    }
  }
}
