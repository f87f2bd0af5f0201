package io.cairn.platform.flows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;

/**
 * One sink's write of one batch, sent and not yet known to be durable. The source consumer waits for it with
 * {@link #await} before it commits the batch's offset; what follows a durable write (the governance hook's
 * {@code afterWrite}, the run's counts) runs then, on the consumer's thread, never on the sink's I/O thread.
 */
public final class PendingWrite {
  private final CompletableFuture<Long> ack;
  private final LongConsumer onDurable;

  /**
   * @param ack completes with the rows written once they are durable, or exceptionally
   * @param onDurable called with the rows written by {@link #await} once {@code ack} completed normally
   */
  public PendingWrite(CompletableFuture<Long> ack, LongConsumer onDurable) {
    this.ack = ack;
    this.onDurable = onDurable;
  }

  /** Whether the sink answered, either way. */
  public boolean isDone() {
    return ack.isDone();
  }

  /**
   * Waits until the rows are durable, then runs what follows the write.
   *
   * @throws Exception the sink's cause when the write failed
   */
  public void await() throws Exception {
    long rows;
    try {
      rows = ack.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    onDurable.accept(rows);
  }
}
