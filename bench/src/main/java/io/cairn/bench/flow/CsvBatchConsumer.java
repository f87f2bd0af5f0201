package io.cairn.bench.flow;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the customer CSV on its own thread and sends each batch of rows through the route synchronously, the
 * way Cairn's source consumer does, but with none of Cairn's work around it: the parser settings are those of
 * Cairn's file connector (RFC 4180, UTF-8, columns found by header name, an empty field is null) and values are
 * converted to the same Java types (Long, String, BigDecimal, Instant), but there is no plugin, no schema or
 * provenance per row, no raw-record tracking for the quarantine, no governance call, no offset commit and no
 * progress checkpoint. The body of each exchange is a {@code List<Object[]>}.
 */
final class CsvBatchConsumer extends DefaultConsumer {
  private final CsvBatchEndpoint endpoint;
  private ExecutorService executor;
  private volatile boolean stopping;

  CsvBatchConsumer(CsvBatchEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
    this.endpoint = endpoint;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    stopping = false;
    executor = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "csvbatch");
    executor.submit(this::readAll);
  }

  @Override
  protected void doStop() throws Exception {
    stopping = true;
    if (executor != null) {
      getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor, 30_000);
      executor = null;
    }
    super.doStop();
  }

  private void readAll() {
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setIgnoreEmptyLines(true)
        .setLenientEof(true)
        .setTrailingData(true)
        .get();
    long sent = 0;
    try (Reader in = Files.newBufferedReader(endpoint.file(), StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      int[] at = positions(records.next().toList());
      List<Object[]> batch = new ArrayList<>(endpoint.batchSize());
      while (records.hasNext() && !stopping) {
        batch.add(values(records.next(), at));
        if (batch.size() == endpoint.batchSize()) {
          sent += send(batch);
          batch = new ArrayList<>(endpoint.batchSize());
        }
      }
      if (!batch.isEmpty() && !stopping) {
        sent += send(batch);
      }
      endpoint.getComponent().done().complete(sent);
    } catch (Throwable e) {
      endpoint.getComponent().done().completeExceptionally(e);
    }
  }

  private int send(List<Object[]> batch) throws Exception {
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(batch);
      getProcessor().process(exchange);
      if (exchange.getException() != null) {
        throw exchange.getException();
      }
      return batch.size();
    } finally {
      releaseExchange(exchange, false);
    }
  }

  /** Where each of {@link CustomerCsv#COLUMNS} is in the file, from its header. */
  private static int[] positions(List<String> header) {
    List<String> names = header.stream().map(String::strip).toList();
    int[] at = new int[CustomerCsv.COLUMNS.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = names.indexOf(CustomerCsv.COLUMNS.get(i));
      if (at[i] < 0) {
        throw new IllegalStateException("the file has no column " + CustomerCsv.COLUMNS.get(i));
      }
    }
    return at;
  }

  /** id:LONG, five strings, amount:DECIMAL, ts:TIMESTAMP, as Cairn's file connector converts them. */
  private static Object[] values(CSVRecord r, int[] at) {
    if (r.size() != at.length) {
      throw new IllegalStateException("line " + r.getRecordNumber() + ": expected " + at.length + " fields");
    }
    Object[] v = new Object[at.length];
    for (int i = 0; i < at.length; i++) {
      String text = r.get(at[i]);
      if (!text.isEmpty()) {
        v[i] = switch (i) {
          case 0 -> Long.parseLong(text.strip());
          case 6 -> new BigDecimal(text.strip());
          case 7 -> Instant.parse(text.strip());
          default -> text;
        };
      }
    }
    return v;
  }
}
