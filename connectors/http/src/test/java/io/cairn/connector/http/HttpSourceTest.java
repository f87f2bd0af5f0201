package io.cairn.connector.http;

import static io.cairn.connector.testkit.SourceTasks.drain;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP source against a real local HTTP server: paging, subjects, naming, and what goes wrong. */
class HttpSourceTest {
  private static PagedApi api;
  private final HttpSourceConnector connector = new HttpSourceConnector();
  private final FakeTaskContext context = new FakeTaskContext("run-1", null);

  @BeforeAll
  static void startApi() throws Exception {
    api = new PagedApi(4);
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }

  private SourceTask start(Map<String, String> config, String resume) throws Exception {
    SourceTask task = connector.createTask(connector.configDef().validate(config));
    task.start(context, resume);
    return task;
  }

  private static Map<String, String> config(String url, String... more) {
    Map<String, String> c = new HashMap<>(Map.of("url", url, "recordsPointer", "/data",
        "nextPointer", "/links/next", "bearerToken", PagedApi.TOKEN, "columns", "id:LONG,email",
        "subjectColumn", "email"));
    for (int i = 0; i < more.length; i += 2) {
      c.put(more[i], more[i + 1]);
    }
    return c;
  }

  @Test
  void followsEveryPageAndCarriesSubjectsAndTheDatasetName() throws Exception {
    String url = api.serve("people", IntStream.range(0, 10).mapToObj(PagedApi::record).toList());
    int before = api.requests();
    SourceTask task = start(config(url), null);
    List<Row> rows = rows(drain(task, 3));
    task.stop();
    assertThat(rows).extracting(r -> r.get(0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(rows.get(4).subjectId()).isEqualTo("p4@example.org");
    assertThat(api.requests() - before).as("pages fetched").isEqualTo(3);
    assertThat(task.dataset()).isEqualTo(new DatasetRef(url.substring(0, url.indexOf("/people")), "/people"));
    assertThat(rows.get(9).provenance().offset()).isEqualTo(url + "?page=2 2");
  }

  @Test
  void aResumedRunFetchesTheCommittedPageAgainAndSkipsWhatWasRead() throws Exception {
    String url = api.serve("resume", IntStream.range(0, 10).mapToObj(PagedApi::record).toList());
    SourceTask task = start(config(url), url + "?page=1 3");
    List<Row> rows = rows(drain(task, 100));
    task.stop();
    assertThat(rows).extracting(r -> r.get(0)).containsExactly(7L, 8L, 9L);
  }

  @Test
  void aWrongTokenFailsWithTheStatusAndNeverShowsTheToken() {
    String url = api.serve("guarded", List.of(PagedApi.record(1)));
    assertThatThrownBy(() -> start(config(url + "?key=abc", "bearerToken", "wrong-secret-token"), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("answered 401")
        .hasMessageContaining("missing or wrong token")
        .hasMessageNotContaining("wrong-secret-token")
        .hasMessageNotContaining("key=abc");
  }

  @Test
  void aPageWithoutRecordsAtThePointerSaysWhatItFound() {
    String url = api.serve("pointer", List.of(PagedApi.record(1)));
    assertThatThrownBy(() -> start(config(url, "recordsPointer", "/items"), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no array of records at '/items' (found missing)");
  }

  @Test
  void badConfigurationIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> start(config("ftp://example.org/x"), null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must be an http or https URL");
    assertThatThrownBy(() -> start(config("http://127.0.0.1/x", "recordsPointer", "data"), null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must be a JSON Pointer");
    assertThatThrownBy(() -> start(config("http://127.0.0.1/x", "timeoutSeconds", "0"), null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must be positive");
    assertThat(connector.configDef().secretNames()).containsExactly("bearerToken");
  }
}
