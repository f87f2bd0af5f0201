package io.cairn.connector.rabbitmq;

import static io.cairn.connector.testkit.SourceTasks.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.connector.testkit.StartedTasks;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source against the machine's RabbitMQ: acknowledgement on commit only, and quarantine. */
class RabbitSourceTest {
  @TempDir Path dir;
  private Broker broker;
  private StartedTasks tasks;

  @BeforeEach
  void broker() throws Exception {
    broker = new Broker();
    tasks = new StartedTasks(Map.of("queue", broker.queue));
  }

  @AfterEach
  void cleanUp() throws Exception {
    tasks.close();
    broker.close();
  }

  private SourceTask started(FakeTaskContext context, String... config) throws Exception {
    return tasks.source(new RabbitSourceConnector(), context, config);
  }

  /** Polls until {@code n} rows came (never more) or 10 s passed; adds the batches to the list. */
  private static List<Row> read(SourceTask task, int n, int maxRows, List<Batch> batches) throws Exception {
    List<Batch> got = SourceTasks.await(task, n, maxRows, Duration.ofSeconds(10));
    batches.addAll(got);
    return SourceTasks.rows(got);
  }

  @Test
  void messagesBecomeRowsAndCommittedOnesAreGoneFromTheQueue() throws Exception {
    broker.publish("{\"id\":1,\"email\":\"a@x.org\"}", "{\"id\":2,\"email\":\"b@x.org\"}");
    SourceTask task = started(Broker.context(dir), "columns", "id:LONG,email", "subjectColumn", "email");
    List<Batch> batches = new ArrayList<>();
    List<Row> rows = read(task, 2, 100, batches);
    assertThat(column(rows, 0)).containsExactly(1L, 2L);
    assertThat(rows).extracting(Row::subjectId).containsExactly("a@x.org", "b@x.org");
    assertThat(task.dataset().namespace()).isEqualTo("amqp://127.0.0.1:5672");
    assertThat(task.dataset().name()).isEqualTo(broker.queue);
    for (Batch b : batches) {
      task.commit(b.sourceOffset());
    }
    task.stop();
    assertThat(broker.ready()).isZero();
  }

  @Test
  void whatWasNotCommittedWhenATaskStopsIsDeliveredAgain() throws Exception {
    broker.publish("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
    SourceTask first = started(Broker.context(dir), "columns", "n:LONG");
    List<Batch> batches = new ArrayList<>();
    List<Row> firstThree = read(first, 3, 3, batches);
    assertThat(column(firstThree, 0)).containsExactly(1L, 2L, 3L);
    first.commit(batches.getLast().sourceOffset());
    assertThat(column(read(first, 2, 3, new ArrayList<>()), 0)).containsExactly(4L, 5L);
    first.stop();
    assertThat(broker.ready()).isEqualTo(2);

    SourceTask second = started(Broker.context(dir), "columns", "n:LONG");
    second.commit(batches.getLast().sourceOffset());
    List<Batch> again = new ArrayList<>();
    assertThat(column(read(second, 2, 100, again), 0)).containsExactly(4L, 5L);
    second.commit(again.getLast().sourceOffset());
    second.stop();
    assertThat(broker.ready()).isZero();
  }

  @Test
  void malformedMessagesAreQuarantinedWithTheReasonAndAcknowledgedWithTheBatch() throws Exception {
    broker.publish("{\"id\":1}", "not json", "{\"id\":\"x\"}", "[1,2]", "{\"id\":5}");
    FakeTaskContext context = Broker.context(dir);
    SourceTask task = started(context, "columns", "id:LONG");
    List<Batch> batches = new ArrayList<>();
    List<Row> rows = read(task, 2, 100, batches);
    assertThat(column(rows, 0)).containsExactly(1L, 5L);
    assertThat(context.reasons()).hasSize(3);
    assertThat(context.reasons().get(0)).startsWith("invalid JSON: Unrecognized token 'not'");
    assertThat(context.reasons().subList(1, 3)).containsExactly("column 'id': '\"x\"' is not a LONG",
        "expected a JSON object, found array");
    assertThat(context.quarantined()).extracting(FakeTaskContext.Quarantined::rawRecord)
        .containsExactly("not json", "{\"id\":\"x\"}", "[1,2]");
    assertThat(context.quarantined().getFirst().where().dataset()).isEqualTo(task.dataset());
    task.commit(batches.getLast().sourceOffset());
    task.stop();
    assertThat(broker.ready()).isZero();
  }

  @Test
  void withoutDeclaredColumnsTheFirstMessageNamesThem() throws Exception {
    broker.publish("{\"user\":\"u1\",\"plan\":{\"tier\":2}}", "{\"plan\":\"free\"}");
    SourceTask task = started(Broker.context(dir));
    List<Batch> batches = new ArrayList<>();
    List<Row> rows = read(task, 2, 100, batches);
    assertThat(batches.getLast().schema().names()).containsExactly("user", "plan");
    assertThat(rows).extracting(r -> r.get(1)).containsExactly("{\"tier\":2}", "free");
  }

  @Test
  void aQueueThatDoesNotExistFailsTheStartWhenNotDeclared() throws Exception {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> started(Broker.context(dir),
        "queue", broker.queue + "-missing", "declareQueue", "false"))
        .isInstanceOf(java.io.IOException.class)
        .cause().hasMessageContaining("NOT_FOUND - no queue '" + broker.queue + "-missing'");
  }
}
