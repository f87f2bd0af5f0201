package io.cairn.platform.flows.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.FlowId;
import io.cairn.catalog.QuarantineEntry;
import io.cairn.platform.flows.PendingWrite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ordered commit of pipelined batches: a batch's offset is committed only once it and every batch before it
 * were acknowledged; a failed write stops the commits at the batch before it.
 */
class InFlightTest {
  private final List<String> commits = new ArrayList<>();
  private final List<List<String>> quarantines = new ArrayList<>();
  private final List<Long> durable = new ArrayList<>();
  private final AtomicLong clock = new AtomicLong();
  private final ScheduledExecutorService acks = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopAcks() {
    acks.shutdownNow();
  }

  private InFlight inFlight(int limit, long intervalMillis) {
    return new InFlight(limit, intervalMillis, clock::get, (offset, quarantined) -> {
      commits.add(offset);
      quarantines.add(quarantined.stream().map(QuarantineEntry::sourceOffset).toList());
    });
  }

  private PendingWrite write(CompletableFuture<Long> ack) {
    return new PendingWrite(ack, durable::add);
  }

  private static QuarantineEntry bad(String offset) {
    return new QuarantineEntry(0, "run", new FlowId("f"), "kafka://h:1", "t", offset, "not JSON", "x", null, null);
  }

  private static InFlight.Sent sent(String offset, PendingWrite... writes) {
    return new InFlight.Sent(offset, List.of(bad(offset + "-bad")), List.of(writes));
  }

  @Test
  void aBatchAcknowledgedBeforeAnEarlierOneWaitsForItAndBothCommitTogether() throws Exception {
    InFlight f = inFlight(8, 0);
    CompletableFuture<Long> first = new CompletableFuture<>();
    CompletableFuture<Long> second = new CompletableFuture<>();
    f.add(sent("p=1", write(first)));
    second.complete(20L);
    f.add(sent("p=2", write(second)));
    assertThat(commits).isEmpty();
    assertThat(durable).isEmpty();
    assertThat(f.size()).isEqualTo(2);

    first.complete(10L);
    f.add(new InFlight.Sent(null, List.of(), List.of()));
    assertThat(commits).containsExactly("p=2");
    assertThat(quarantines).containsExactly(List.of("p=1-bad", "p=2-bad"));
    assertThat(durable).containsExactly(10L, 20L);
    assertThat(f.size()).isZero();
  }

  @Test
  void aFailedWriteCommitsTheBatchesBeforeItAndNeitherItNorLaterOnes() throws Exception {
    InFlight f = inFlight(8, 60_000);
    CompletableFuture<Long> failed = new CompletableFuture<>();
    f.add(sent("p=1", write(CompletableFuture.completedFuture(1L))));
    f.add(sent("p=2", write(CompletableFuture.completedFuture(2L)), write(failed)));
    f.add(sent("p=3", write(CompletableFuture.completedFuture(3L))));
    assertThat(commits).as("the interval has not passed").isEmpty();

    failed.completeExceptionally(new IOException("broker gone"));
    assertThatThrownBy(f::drain).isInstanceOf(IOException.class).hasMessage("broker gone");
    assertThat(commits).containsExactly("p=1");
    assertThat(quarantines).containsExactly(List.of("p=1-bad"));
    assertThat(durable).as("afterWrite runs for durable writes only, in order").containsExactly(1L, 2L);
    assertThatThrownBy(f::drain).isInstanceOf(IOException.class);
    assertThat(commits).containsExactly("p=1");
  }

  @Test
  void doneBatchesWaitForTheIntervalWhileMoreComeAndTheLimitWaitsForTheOldest() throws Exception {
    InFlight f = inFlight(2, 100);
    f.add(sent("p=1", write(CompletableFuture.completedFuture(1L))));
    f.add(sent("p=2", write(CompletableFuture.completedFuture(1L))));
    assertThat(commits).isEmpty();
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    CompletableFuture<Long> slow = new CompletableFuture<>();
    f.add(sent("p=3", write(slow)));
    assertThat(commits).containsExactly("p=2");

    f.add(sent("p=4", write(new CompletableFuture<>())));
    acks.schedule(() -> slow.complete(5L), 50, TimeUnit.MILLISECONDS);
    f.add(sent("p=5", write(CompletableFuture.completedFuture(1L))));
    assertThat(durable).as("the third batch was awaited to keep two in flight").contains(5L);
    assertThat(f.size()).isEqualTo(2);
  }

  @Test
  void batchesWithoutAnOffsetCommitTheirQuarantineAndKeepTheLastOffset() throws Exception {
    InFlight f = inFlight(8, 60_000);
    f.add(sent("p=1"));
    f.add(new InFlight.Sent(null, List.of(bad("late")), List.of()));
    f.drain();
    assertThat(commits).containsExactly("p=1");
    assertThat(quarantines).containsExactly(List.of("p=1-bad", "late"));
    f.drain();
    assertThat(commits).as("nothing new, nothing committed").hasSize(1);
  }
}
