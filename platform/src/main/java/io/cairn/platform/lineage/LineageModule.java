package io.cairn.platform.lineage;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.lineage.LineageRepository;
import io.cairn.governance.lineage.EventValidator;
import io.cairn.governance.lineage.InvalidLineageEventException;
import io.cairn.governance.lineage.LineageIngest;
import io.cairn.governance.lineage.LineageRecorder;
import io.dropwizard.lifecycle.Managed;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.transports.Transport;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lineage's parts, built with plain constructors: the recorder (a governance hook) whose events go through
 * the same validating ingest as other producers' events and then to the configured transport, and the REST
 * resource. Managed: stopping drains the events still queued.
 */
public final class LineageModule implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(LineageModule.class);

  private final LineageIngest ingest;
  private final LineageQueries queries;
  private final LineageRecorder recorder;
  private final Optional<Transport> transport;

  public LineageModule(CatalogDatabase catalog, LineageConfig config) {
    this(catalog, config.jobNamespace(), config.runningInterval(), config.transport().create());
  }

  /**
   * @param jobNamespace the OpenLineage namespace of Cairn's jobs
   * @param runningInterval how often runs in progress emit RUNNING events
   */
  public LineageModule(CatalogDatabase catalog, String jobNamespace, java.time.Duration runningInterval,
      Optional<Transport> transport) {
    this.transport = transport;
    this.ingest = new LineageIngest(new EventValidator(), new LineageRepository(catalog), jobNamespace);
    this.queries = new LineageQueries(catalog);
    this.recorder = new LineageRecorder(jobNamespace, runningInterval, event -> {
      try {
        ingest.accept(event, true);
      } catch (InvalidLineageEventException e) {
        // a bug in Cairn's own events: keep running, say so loudly
        LOG.error("Cairn emitted an invalid OpenLineage event, not stored: {}", e.problems());
        return;
      }
      transport.ifPresent(t -> forward(t, event));
    }, dataset -> {
      try {
        return queries.columnTags(dataset.namespace(), dataset.name());
      } catch (RuntimeException e) {
        LOG.warn("tags of {} not read from the catalog, not propagated in this run: {}", dataset, e.toString());
        return java.util.Map.of();
      }
    }, dataset -> {
      try {
        return queries.tagOverrides(dataset.namespace(), dataset.name());
      } catch (RuntimeException e) {
        LOG.warn("tag overrides of {} not read from the catalog, not applied in this run: {}", dataset,
            e.toString());
        return java.util.Map.of();
      }
    });
  }

  private static void forward(Transport t, com.fasterxml.jackson.databind.JsonNode event) {
    try {
      t.emit(OpenLineageClientUtils.runEventFromJson(event.toString()));
    } catch (RuntimeException e) {
      LOG.warn("lineage event not delivered to the configured transport: {}", e.getClass().getSimpleName());
    }
  }

  /** The governance hook that emits Cairn's events. */
  public LineageRecorder recorder() {
    return recorder;
  }

  public LineageResource resource() {
    return new LineageResource(ingest, queries);
  }

  /** Marquez's column lineage, {@code /api/v1/column-lineage}. */
  public ColumnLineageResource columnLineageResource() {
    return new ColumnLineageResource(queries);
  }

  public LineageQueries queries() {
    return queries;
  }

  /** Waits until every event emitted so far is stored. */
  public void flush() throws InterruptedException {
    recorder.flush();
  }

  @Override
  public void stop() throws Exception {
    recorder.close();
    if (transport.isPresent()) {
      transport.get().close();
    }
  }
}
