package io.cairn.connector.file;

import io.cairn.connector.testkit.QuarantineContract;
import io.cairn.connector.testkit.SourceConnectorContract;
import io.cairn.spi.connector.SourceConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The CSV file source keeps the SPI contract of the connector test kit. */
class CsvSourceContractTest extends SourceConnectorContract implements QuarantineContract {
  private final AtomicInteger files = new AtomicInteger();

  @Override
  protected SourceConnector connector() {
    return new FileSourceConnector();
  }

  private Map<String, String> write(StringBuilder csv) throws Exception {
    Path file = Files.writeString(workDir.resolve("people-" + files.incrementAndGet() + ".csv"), csv);
    return Map.of("path", file.toString(), "columns", "id:LONG,email");
  }

  @Override
  protected Map<String, String> prepare(int records) throws Exception {
    StringBuilder csv = new StringBuilder("id,email\n");
    for (int i = 0; i < records; i++) {
      csv.append(i).append(",p").append(i).append("@example.org\n");
    }
    return write(csv);
  }

  @Override
  public Map<String, String> prepareWithBadRecord(int good) throws Exception {
    StringBuilder csv = new StringBuilder("id,email\n0,p0@example.org\n1,too,many,fields\n");
    for (int i = 1; i < good; i++) {
      csv.append(i).append(",p").append(i).append("@example.org\n");
    }
    return write(csv);
  }

  @Override
  public String expectedReason() {
    return "expected 2 fields, found 4";
  }
}
