package io.cairn.bench.flow;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code csvbatch:<file>?batchSize=N}: the bare-Camel baseline's source. A consumer reads the file with
 * commons-csv and sends one exchange per {@code batchSize} records; when the file is read, {@link #done()}
 * completes with the number of rows sent (or with the failure). One component serves one load.
 */
final class CsvBatchComponent extends DefaultComponent {
  private final CompletableFuture<Long> done = new CompletableFuture<>();

  /** Completes with the rows sent once every batch went through the route. */
  CompletableFuture<Long> done() {
    return done;
  }

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
    int batchSize = getAndRemoveParameter(parameters, "batchSize", Integer.class, 1000);
    return new CsvBatchEndpoint(uri, this, Path.of(remaining), batchSize);
  }
}
