package io.cairn.connector.mqtt;

import static io.cairn.connector.testkit.SourceTasks.column;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.SourceTasks;
import io.cairn.connector.testkit.StartedTasks;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source against the machine's Mosquitto: a persistent session, acknowledgement on commit, quarantine. */
class MqttSourceTest {
  @TempDir Path dir;
  private Mosquitto broker;
  private StartedTasks tasks;

  @BeforeEach
  void broker() throws Exception {
    broker = new Mosquitto();
    tasks = new StartedTasks(Map.of("topic", broker.topic, "clientId", broker.sourceClient));
  }

  @AfterEach
  void cleanUp() throws Exception {
    tasks.close();
    broker.close();
  }

  private SourceTask started(FakeTaskContext context, String... config) throws Exception {
    return tasks.source(new MqttSourceConnector(), context, config);
  }

  private static List<Batch> read(SourceTask task, int n) throws Exception {
    return SourceTasks.await(task, n, 100, Duration.ofSeconds(10));
  }

  @Test
  void messagesQueueWhileStoppedAndWhatWasNotCommittedIsDeliveredAgain() throws Exception {
    started(Mosquitto.context(dir), "columns", "n:LONG").stop();
    broker.publish("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");

    SourceTask second = started(Mosquitto.context(dir), "columns", "n:LONG");
    List<Batch> firstRead = read(second, 3);
    assertThat(column(rows(firstRead), 0)).containsExactlyInAnyOrder(1L, 2L, 3L);
    second.stop();

    SourceTask third = started(Mosquitto.context(dir), "columns", "n:LONG");
    third.commit(firstRead.getLast().sourceOffset());
    List<Batch> again = read(third, 3);
    assertThat(column(rows(again), 0)).containsExactlyInAnyOrder(1L, 2L, 3L);
    third.commit(again.getLast().sourceOffset());
    third.stop();

    SourceTask fourth = started(Mosquitto.context(dir), "columns", "n:LONG");
    assertThat(rows(SourceTasks.await(fourth, 1, 100, Duration.ofMillis(1500)))).isEmpty();
    broker.publish("{\"n\":4}");
    assertThat(column(rows(read(fourth, 1)), 0)).containsExactly(4L);
  }

  @Test
  void rowsCarryTheSubjectAndTheDataset() throws Exception {
    SourceTask task = started(Mosquitto.context(dir), "columns", "user,score:DOUBLE", "subjectColumn", "user");
    broker.publish("{\"user\":\"u1\",\"score\":0.5}");
    List<Row> rows = rows(read(task, 1));
    assertThat(rows.getFirst().values()).containsExactly("u1", 0.5);
    assertThat(rows.getFirst().subjectId()).isEqualTo("u1");
    assertThat(task.dataset().namespace()).isEqualTo("mqtt://127.0.0.1:1883");
    assertThat(task.dataset().name()).isEqualTo(broker.topic);
    assertThat(rows.getFirst().provenance().offset()).endsWith(":1:" + broker.topic);
  }

  @Test
  void malformedMessagesAreQuarantinedWithTheReasonAndAcknowledgedWithTheBatch() throws Exception {
    FakeTaskContext context = Mosquitto.context(dir);
    SourceTask task = started(context, "columns", "id:LONG");
    broker.publish("{\"id\":1}", "{oops", "{\"id\":true}", "{\"id\":4}");
    List<Batch> batches = read(task, 2);
    assertThat(column(rows(batches), 0)).containsExactly(1L, 4L);
    assertThat(context.reasons()).hasSize(2);
    assertThat(context.reasons().getFirst()).startsWith("invalid JSON: ");
    assertThat(context.reasons().getLast()).isEqualTo("column 'id': 'true' is not a LONG");
    assertThat(context.quarantined()).extracting(FakeTaskContext.Quarantined::rawRecord)
        .containsExactly("{oops", "{\"id\":true}");
    task.commit(batches.getLast().sourceOffset());
    task.stop();
    SourceTask next = started(Mosquitto.context(dir), "columns", "id:LONG");
    assertThat(rows(SourceTasks.await(next, 1, 100, Duration.ofMillis(1500)))).isEmpty();
  }

  @Test
  void anUnreachableBrokerFailsTheStart() {
    assertThatThrownBy(() -> started(Mosquitto.context(dir), "serverUri", "tcp://127.0.0.1:1", "timeoutMs", "2000"))
        .isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);
  }

  @Test
  void configIsChecked() {
    MqttSourceConnector source = new MqttSourceConnector();
    assertThatThrownBy(() -> source.createTask(MqttConfig.SOURCE.validate(Map.of("topic", "t",
        "serverUri", "http://x:1")))).hasMessageContaining("property 'serverUri' is not a broker URI");
    assertThatThrownBy(() -> MqttConfig.SOURCE.validate(Map.of("topic", "t", "qos", "3")))
        .hasMessageContaining("property 'qos' must be one of [0, 1, 2]");
    assertThatThrownBy(() -> new MqttSinkConnector().createTask(MqttConfig.SINK.validate(Map.of("topic", "a/#"))))
        .hasMessageContaining("without the wildcards");
    assertThat(MqttConfig.SINK.secretNames()).containsExactly("password");
    assertThat(MqttConfig.SOURCE.validate(Map.of("topic", "t", "password", "pw-1")).toString())
        .contains("password=******").doesNotContain("pw-1");
  }
}
