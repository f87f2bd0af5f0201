package io.cairn.bench.flow;

import java.nio.file.Path;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** A CSV file read in batches; consume-only. */
final class CsvBatchEndpoint extends DefaultEndpoint {
  private final Path file;
  private final int batchSize;

  CsvBatchEndpoint(String uri, CsvBatchComponent component, Path file, int batchSize) {
    super(uri, component);
    this.file = file;
    this.batchSize = batchSize;
  }

  @Override
  public CsvBatchComponent getComponent() {
    return (CsvBatchComponent) super.getComponent();
  }

  Path file() {
    return file;
  }

  int batchSize() {
    return batchSize;
  }

  @Override
  public Consumer createConsumer(Processor processor) {
    return new CsvBatchConsumer(this, processor);
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException("csvbatch: endpoints can only be consumed from");
  }
}
