package io.cairn.platform.flows.camel;

import io.cairn.catalog.FlowId;
import io.cairn.platform.flows.Replay;
import io.cairn.platform.flows.RunContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a plugin's source task on its own thread and sends each batch through the route synchronously.
 * After a batch went through every step and sink without error, its offset is committed (catalog first,
 * then the task): at-least-once, and a sink that upserts by key makes a re-run harmless.
 */
final class CairnSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(CairnSourceConsumer.class);
  private static final long MAX_IDLE_MS = 1000;

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
      while (!stopping && isRunAllowed()) {
        Batch batch = task.poll(component.batchSize());
        if (batch != null && !batch.isEmpty()) {
          idle = 10;
          if (!process(run, dataset, batch)) {
            return;
          }
        } else if (batch != null) {
          commit(run, flow, key, batch.sourceOffset());
        }
        if (task.exhausted()) {
          run.checkpoint();
          component.lifecycle().sourceFinished(run);
          return;
        }
        if (batch == null || batch.isEmpty()) {
          commit(run, flow, key, null);
          Thread.sleep(idle);
          idle = Math.min(MAX_IDLE_MS, idle * 2);
        }
      }
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
      if (process(run, replay.dataset(), replay.batch())) {
        run.checkpoint();
        endpoint.getComponent().lifecycle().sourceFinished(run);
      }
    } catch (Throwable e) {
      if (!stopping) {
        endpoint.getComponent().lifecycle().runFailed(run, e);
      }
    }
  }

  private boolean process(RunContext run, DatasetRef dataset, Batch read) throws Exception {
    Batch batch = run.governance().afterRead(run.scope(), dataset, read);
    FlowCounters.countIn(run, batch.size());
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(batch);
      exchange.setProperty(FlowCounters.RUN_ID, run.runId());
      getProcessor().process(exchange);
      if (exchange.getException() != null) {
        // the batch is not committed: its quarantined records come again when a re-run reads it again
        run.drainQuarantined();
        endpoint.getComponent().lifecycle().runFailed(run, exchange.getException());
        return false;
      }
    } finally {
      releaseExchange(exchange, false);
    }
    commit(run, new FlowId(run.flowId()), endpoint.key(), batch.sourceOffset());
    return true;
  }

  /**
   * Stores the batch's quarantined records and its offset in one transaction, then tells the task. Run
   * counts are saved by the runtime every few seconds and at the end, not per batch.
   */
  private void commit(RunContext run, FlowId flow, String key, String offset) throws Exception {
    endpoint.getComponent().offsets().commit(flow, key, offset, run.runId(), run.drainQuarantined());
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
