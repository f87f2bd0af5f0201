package io.cairn.connector.datagen;

import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates {@code count} rows of one entity. The offset is the index of the last row generated; a run
 * resumed from it generates exactly the rows an uninterrupted run would have. Threading as {@link
 * SourceTask} says: start and poll from one thread, stop from any.
 */
final class DatagenTask implements SourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(DatagenTask.class);

  private final DatagenSettings settings;
  private final DatasetRef dataset;
  private RowGenerator generator;
  private long next;
  private volatile boolean stopped;

  DatagenTask(DatagenSettings settings) {
    this.settings = settings;
    this.dataset = new DatasetRef("datagen", settings.datasetName());
  }

  @Override
  public void start(TaskContext context, String resumeOffset) {
    next = resumeOffset == null ? 0 : parseOffset(resumeOffset) + 1;
    long began = System.nanoTime();
    generator = generator(settings);
    LOG.info(
        "datagen {}: {} rows from row {}, pools built in {} ms",
        dataset.name(),
        settings.count(),
        next,
        (System.nanoTime() - began) / 1_000_000);
  }

  static RowGenerator generator(DatagenSettings s) {
    Population population = new Population(s.seed(), s.customers(), s.duplicateRate());
    if (s.entity() == Entity.CONSENTS) {
      return new ConsentGenerator(population, s.dirtyRate());
    }
    Pools pools = new Pools(s.seed(), s.locale());
    return switch (s.entity()) {
      case CUSTOMERS -> new CustomerGenerator(pools, population, s.dirtyRate());
      case ORDERS -> new OrderGenerator(pools, population, s.dirtyRate());
      default -> new EventGenerator(pools, population, s.dirtyRate(), s.count());
    };
  }

  private static long parseOffset(String offset) {
    try {
      long last = Long.parseLong(offset.strip());
      if (last < -1) {
        throw new IllegalArgumentException("datagen offset must be a row index, not '" + offset + "'");
      }
      return last;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("datagen offset must be a row index, not '" + offset + "'", e);
    }
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public Batch poll(int maxRows) {
    if (generator == null) {
      throw new IllegalStateException("poll before start");
    }
    long end = Math.min(settings.count(), next + Math.max(0, maxRows));
    if (stopped || next >= end) {
      return Batch.of(settings.entity().schema(), List.of(), null);
    }
    List<Row> rows = new ArrayList<>((int) (end - next));
    for (long i = next; i < end; i++) {
      Object[] values = generator.values(i);
      rows.add(new Row(values, generator.subjectId(values), new Provenance(dataset, Long.toString(i))));
    }
    next = end;
    return Batch.of(settings.entity().schema(), rows, Long.toString(end - 1));
  }

  @Override
  public boolean exhausted() {
    return next >= settings.count();
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
