package io.cairn.platform.flows.camel;

import io.cairn.platform.flows.PendingWrite;
import io.cairn.platform.flows.RunContext;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import org.apache.camel.Exchange;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.support.DefaultProducer;

/**
 * Sends a batch through a plugin's step (the exchange body becomes the step's output) or writes it to a
 * plugin's sink. Tasks are opened once per run and closed by the run. Governance is called before every
 * step and before and after every write. On the source consumer's thread a write is only sent: the consumer
 * awaits it (and calls {@code afterWrite}) before it commits the batch's offset; anywhere else it is awaited
 * here.
 */
final class CairnProducer extends DefaultProducer {
  private final CairnEndpoint endpoint;

  CairnProducer(CairnEndpoint endpoint) {
    super(endpoint);
    this.endpoint = endpoint;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    RunContext run = endpoint.getComponent().runs().forRoute(exchange.getFromRouteId()).orElseThrow(() ->
        new IllegalStateException("no run in progress for route " + exchange.getFromRouteId()));
    Batch batch = BodyToBatch.convert(exchange, endpoint);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(endpoint.getComponent().extensions()
        .classLoaderOf(endpoint.kind(), endpoint.name()).orElse(previous));
    try {
      if (endpoint.role() == Role.STEP) {
        exchange.getIn().setBody(step(run, batch));
      } else {
        write(run, batch, exchange.getProperty(FlowCounters.PIPELINED_ON) == thread);
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private Batch step(RunContext run, Batch batch) throws Exception {
    StepHandle h = run.task(endpoint.key(), () -> {
      StepFactory f = endpoint.getComponent().extensions().step(endpoint.name()).orElseThrow(() ->
          new IllegalStateException("step '" + endpoint.name() + "' is no longer installed"));
      Step s = f.create(f.configDef().validate(endpoint.config()));
      s.open(run);
      return new StepHandle(s);
    });
    Batch in = run.governance().beforeStep(run.scope(), endpoint.name(), h.step().purposes(),
        h.step().columnLineage(batch.schema()), batch);
    return h.step().apply(in, run);
  }

  private void write(RunContext run, Batch batch, boolean pipelined) throws Exception {
    SinkHandle h = run.task(endpoint.key(), () -> {
      SinkConnector c = endpoint.getComponent().extensions().sink(endpoint.name()).orElseThrow(() ->
          new IllegalStateException("sink '" + endpoint.name() + "' is no longer installed"));
      SinkTask t = c.createTask(c.configDef().validate(endpoint.config()));
      t.start(run);
      return new SinkHandle(t);
    });
    Batch out = run.governance().beforeWrite(run.scope(), h.task().dataset(), h.task().purposes(), batch);
    DatasetRef target = h.task().dataset();
    CompletableFuture<Long> ack = out.isEmpty() ? CompletableFuture.completedFuture(0L)
        : h.task().send(out).toCompletableFuture();
    PendingWrite write = new PendingWrite(ack, written -> {
      run.governance().afterWrite(run.scope(), target, out, written);
      FlowCounters.countOut(run, written);
    });
    if (pipelined) {
      run.sent(write);
    } else {
      write.await();
    }
  }

  /** An open step, closed when the run ends. */
  record StepHandle(Step step) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      step.close();
    }
  }

  /** An open sink task, stopped when the run ends. */
  record SinkHandle(SinkTask task) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      task.stop();
    }
  }
}
