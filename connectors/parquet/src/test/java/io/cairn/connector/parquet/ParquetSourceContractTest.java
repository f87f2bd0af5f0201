package io.cairn.connector.parquet;

import io.cairn.connector.testkit.QuarantineContract;
import io.cairn.connector.testkit.SourceConnectorContract;
import io.cairn.spi.connector.SourceConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The Parquet source keeps the SPI contract of the connector test kit, over lakes the sink wrote. */
class ParquetSourceContractTest extends SourceConnectorContract implements QuarantineContract {
  private final AtomicInteger lakes = new AtomicInteger();

  @Override
  protected SourceConnector connector() {
    return new ParquetSourceConnector();
  }

  @Override
  protected Map<String, String> prepare(int records) throws Exception {
    Path lake = workDir.resolve("lake-" + lakes.incrementAndGet());
    Lake.write(lake, records, 7, workDir);
    return Map.of("path", lake.toString());
  }

  @Override
  public Map<String, String> prepareWithBadRecord(int good) throws Exception {
    Map<String, String> config = prepare(good);
    Files.writeString(Path.of(config.get("path")).resolve("dt=2024-05-01/part-0-bad.parquet"), "PAR1 garbage");
    return config;
  }

  @Override
  public String expectedReason() {
    return "not a readable Parquet file";
  }
}
