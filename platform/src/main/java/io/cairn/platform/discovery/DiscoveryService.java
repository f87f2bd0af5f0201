package io.cairn.platform.discovery;

import io.cairn.catalog.DatasetKeyEntry;
import io.cairn.catalog.DatasetKeysRepository;
import io.cairn.catalog.DatasetRepository;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.plugins.LoadedExtensions;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.DiscoveredDataset;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.data.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source's discovery with the plugin's class loader and records what it found: each dataset, its
 * schema as a new version when it changed, its keys, and its description unless a person wrote one.
 */
public final class DiscoveryService {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);

  private final LoadedExtensions extensions;
  private final DatasetRepository datasets;
  private final DatasetKeysRepository keys;

  public DiscoveryService(LoadedExtensions extensions, DatasetRepository datasets, DatasetKeysRepository keys) {
    this.extensions = extensions;
    this.datasets = datasets;
    this.keys = keys;
  }

  /** One dataset as recorded: its catalog id and schema version, and what discovery found. */
  public record Recorded(long id, int schemaVersion, String namespace, String name, String kind,
      List<ColumnView> columns, List<DatasetKeyEntry> keys, String description) {}

  /** A column as discovery reports it. */
  public record ColumnView(String name, String type, boolean nullable) {}

  /**
   * Discovers the source with this configuration and records the result.
   *
   * @throws ApiException 404 for an unknown source, 400 when it cannot discover or the configuration is
   *     invalid, 502 when the source could not be reached
   */
  public List<Recorded> discover(String source, Map<String, String> rawConfig) {
    SourceConnector connector = extensions.source(source).orElseThrow(() -> ApiException.notFound(
        "no source connector '" + source + "' is installed (see GET /api/v1/extensions)"));
    if (!connector.supportsDiscovery()) {
      throw ApiException.badRequest("source '" + source + "' cannot list its datasets; discovery works for "
          + "sources that support it, such as jdbc");
    }
    List<DiscoveredDataset> found;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(extensions.classLoaderOf("source", source).orElse(previous));
    try {
      Config config = connector.configDef().validate(rawConfig == null ? Map.of() : rawConfig);
      found = connector.discover(config);
    } catch (IllegalArgumentException e) {
      throw e; // invalid configuration: 400 with the problems (BadInputMapper)
    } catch (Exception e) {
      LOG.warn("discovery of source '{}' failed: {}", source, e.getMessage());
      throw new ApiException(502, "source '" + source + "' could not be discovered: " + e.getMessage());
    } finally {
      thread.setContextClassLoader(previous);
    }
    List<Recorded> recorded = new ArrayList<>(found.size());
    for (DiscoveredDataset d : found) {
      recorded.add(record(d));
    }
    LOG.info("discovered {} datasets of source '{}'", recorded.size(), source);
    return recorded;
  }

  private Recorded record(DiscoveredDataset d) {
    long id = datasets.register(d.dataset());
    int version = datasets.recordSchema(id, d.schema(), null);
    List<DatasetKeyEntry> entries = new ArrayList<>();
    if (!d.primaryKey().isEmpty()) {
      entries.add(new DatasetKeyEntry(DatasetKeyEntry.PRIMARY, "", d.primaryKey(), null, null, List.of()));
    }
    for (DiscoveredDataset.ForeignKey fk : d.foreignKeys()) {
      entries.add(new DatasetKeyEntry(DatasetKeyEntry.FOREIGN, fk.name(), fk.columns(),
          fk.references().namespace(), fk.references().name(), fk.referencedColumns()));
    }
    keys.replaceKeys(id, entries);
    keys.describeIfBlank(id, d.description());
    List<ColumnView> columns = d.schema().columns().stream()
        .map((Column c) -> new ColumnView(c.name(), c.type().name(), c.nullable())).toList();
    return new Recorded(id, version, d.dataset().namespace(), d.dataset().name(), d.kind(), columns, entries,
        d.description());
  }
}
