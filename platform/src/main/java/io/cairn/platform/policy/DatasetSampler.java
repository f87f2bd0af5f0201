package io.cairn.platform.policy;

import io.cairn.catalog.DatasetEntry;
import io.cairn.catalog.FlowEntry;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.FlowRepository;
import io.cairn.catalog.policy.DatasetWriters;
import io.cairn.platform.plugins.ExtensionRegistry;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a dataset back through the connector that wrote it: the sinks of the flows that wrote the dataset are
 * turned into sources of the same connector (the properties both declare: a JDBC URL and table, a folder and
 * file name), and the first whose task names the same dataset is read. Nothing is cached; each read opens and
 * closes its own task.
 */
final class DatasetSampler {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetSampler.class);
  private static final int EMPTY_POLLS = 20;

  private final DatasetWriters writers;
  private final FlowRepository flows;
  private final ExtensionRegistry extensions;
  private final UnaryOperator<String> openDefinition;
  private final Path workDir;

  /**
   * @param openDefinition turns a stored flow definition into the one a route runs (secrets decrypted)
   * @param workDir a folder for the read tasks' files
   */
  DatasetSampler(DatasetWriters writers, FlowRepository flows, ExtensionRegistry extensions,
      UnaryOperator<String> openDefinition, Path workDir) {
    this.writers = writers;
    this.flows = flows;
    this.extensions = extensions;
    this.openDefinition = openDefinition;
    this.workDir = workDir;
  }

  /** No flow wrote the dataset through a connector that can also read it. */
  static final class NotReadableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReadableException(String message) {
      super(message);
    }
  }

  /**
   * Reads batches of the dataset and hands them to {@code consumer} until it returns false or the source is
   * exhausted.
   *
   * @throws NotReadableException when no flow's sink can be read back
   */
  void read(DatasetEntry dataset, int batchRows, Predicate<Batch> consumer) throws Exception {
    DatasetRef ref = new DatasetRef(dataset.namespace(), dataset.name());
    for (FlowId id : writers.flowsThatWrote(dataset.id())) {
      Optional<FlowEntry> flow = flows.find(id);
      if (flow.isEmpty()) {
        continue;
      }
      for (SinkSpecs.Sink sink : SinkSpecs.of(openDefinition.apply(flow.get().definition()))) {
        Optional<SourceConnector> source = extensions.source(sink.connector());
        Optional<Config> config = source.flatMap(s -> sourceConfig(s.configDef(), sink.config()));
        if (config.isPresent() && tryRead(source.get(), config.get(), id, ref, batchRows, consumer)) {
          return;
        }
      }
    }
    throw new NotReadableException("dataset " + ref + " cannot be read back: no flow wrote it through a "
        + "connector that can also read it");
  }

  private boolean tryRead(SourceConnector connector, Config config, FlowId flow, DatasetRef ref, int batchRows,
      Predicate<Batch> consumer) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(extensions.classLoaderOf("source", connector.name()).orElse(previous));
    SourceTask task = connector.createTask(config);
    try {
      task.start(new ReadContext(flow.value(), workDir), null);
      if (!ref.equals(task.dataset())) {
        return false;
      }
      int empty = 0;
      while (empty < EMPTY_POLLS) {
        Batch b = task.poll(batchRows);
        if (b == null || b.isEmpty()) {
          if (task.exhausted()) {
            break;
          }
          empty++;
          Thread.sleep(50);
          continue;
        }
        empty = 0;
        if (!consumer.test(b) || task.exhausted()) {
          break;
        }
      }
      return true;
    } finally {
      try {
        task.stop();
      } catch (Exception e) {
        LOG.warn("reading {} back: stopping the {} source failed: {}", ref, connector.name(), e.getClass().getName());
      }
      thread.setContextClassLoader(previous);
    }
  }

  /** The sink's properties that the source declares too, when they make a valid source configuration. */
  static Optional<Config> sourceConfig(ConfigDef def, Map<String, String> sinkConfig) {
    Map<String, String> raw = new HashMap<>();
    for (ConfigProperty p : def.properties()) {
      String v = sinkConfig.get(p.name());
      if (v != null && (p.type() != ConfigType.ENUM || p.choices().contains(v))) {
        raw.put(p.name(), v);
      }
    }
    if (sinkConfig.containsKey("fileName") && raw.containsKey("path")) {
      // a file sink with a fixed file name writes (and names as its dataset) that one file in the folder
      raw.put("path", Path.of(raw.get("path")).resolve(sinkConfig.get("fileName")).toString());
    }
    return def.problems(raw).isEmpty() ? Optional.of(def.validate(raw)) : Optional.empty();
  }

  /** The host's side of a read-back task: nothing it quarantines is kept. */
  private record ReadContext(String flowId, Path workDir) implements TaskContext {
    @Override
    public String runId() {
      return "read-back";
    }

    @Override
    public void quarantine(Provenance where, String rawRecord, String reason) {
      // a row the source cannot parse is left out of the preview, as a run would have left it out
    }
  }
}
