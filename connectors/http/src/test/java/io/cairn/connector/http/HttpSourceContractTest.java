package io.cairn.connector.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.connector.testkit.QuarantineContract;
import io.cairn.connector.testkit.SourceConnectorContract;
import io.cairn.spi.connector.SourceConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The HTTP source keeps the SPI contract of the connector test kit, over pages of 7 records. */
class HttpSourceContractTest extends SourceConnectorContract implements QuarantineContract {
  private static PagedApi api;
  private static final AtomicInteger DATASETS = new AtomicInteger();

  @BeforeAll
  static void startApi() throws Exception {
    api = new PagedApi(7);
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }

  @Override
  protected SourceConnector connector() {
    return new HttpSourceConnector();
  }

  private static Map<String, String> config(List<ObjectNode> records) {
    String url = api.serve("customers-" + DATASETS.incrementAndGet(), records);
    return Map.of("url", url, "recordsPointer", "/data", "nextPointer", "/links/next",
        "bearerToken", PagedApi.TOKEN, "columns", "id:LONG,email", "subjectColumn", "email");
  }

  @Override
  protected Map<String, String> prepare(int records) {
    List<ObjectNode> list = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      list.add(PagedApi.record(i));
    }
    return config(list);
  }

  @Override
  public Map<String, String> prepareWithBadRecord(int good) {
    List<ObjectNode> list = new ArrayList<>();
    list.add(PagedApi.record(0));
    list.add(PagedApi.record(-1).put("id", "not-a-number"));
    for (int i = 1; i < good; i++) {
      list.add(PagedApi.record(i));
    }
    return config(list);
  }

  @Override
  public String expectedReason() {
    return "column 'id'";
  }
}
