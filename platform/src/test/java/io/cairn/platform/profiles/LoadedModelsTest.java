package io.cairn.platform.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadedModelsTest {
  private final AtomicLong now = new AtomicLong();
  private final LoadedModels loaded = new LoadedModels(Duration.ofMinutes(10), now::get);
  private final List<String> closed = new ArrayList<>();
  private final AtomicInteger reads = new AtomicInteger();

  private AutoCloseable model(String name) {
    reads.incrementAndGet();
    return () -> closed.add(name);
  }

  private void minutes(long m) {
    now.addAndGet(Duration.ofMinutes(m).toNanos());
  }

  @Test
  void aHeldModelStaysWhileIdleOnesAreClosedAndReadAgain() {
    AutoCloseable a = loaded.hold("a@1", () -> model("a"));
    AutoCloseable b = loaded.get("b@1", () -> model("b"));
    minutes(11);

    assertThat(loaded.size()).as("b is idle, a is held by a running step").isEqualTo(1);
    assertThat(closed).containsExactly("b");
    assertThat((AutoCloseable) loaded.hold("a@1", () -> model("a2"))).isSameAs(a);

    loaded.release("a@1");
    loaded.release("a@1");
    minutes(9);
    assertThat(loaded.size()).as("released nine minutes ago").isEqualTo(1);
    minutes(2);
    assertThat(loaded.size()).isZero();
    assertThat(closed).containsExactly("b", "a");

    AutoCloseable again = loaded.get("b@1", () -> model("b"));
    assertThat(again).isNotSameAs(b);
    assertThat(reads).hasValue(3);
  }

  @Test
  void useKeepsAModelAndAReleaseWithoutHoldChangesNothing() {
    loaded.put("c@1", model("c"));
    minutes(8);
    loaded.get("c@1", () -> model("c-again"));
    minutes(8);
    loaded.release("c@1");
    assertThat(loaded.size()).isEqualTo(1);
    assertThat(reads).hasValue(1);
    minutes(3);
    assertThat(loaded.size()).isZero();
    assertThat(closed).containsExactly("c");
  }
}
