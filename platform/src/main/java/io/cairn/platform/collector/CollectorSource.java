package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;

/**
 * {@code cairn:source:collector}: the events the collector accepted, read from its write-ahead log in order
 * with committed offsets (one row per event; the subject is the userId, else the anonymousId). A flow's committed
 * offset is also the log's cursor {@code flow:<flow id>}, so segments are deleted once every reader is past
 * them. With {@code bounded=true} a run ends at the end of what was stored when it started.
 */
public final class CollectorSource implements SourceConnector {
  private final EventLog log;
  private final ObjectMapper json;
  private final String node;

  public CollectorSource(EventLog log, ObjectMapper json, String node) {
    this.log = log;
    this.json = json;
    this.node = node;
  }

  @Override
  public String name() {
    return "collector";
  }

  @Override
  public String description() {
    return "Events received by Cairn's Segment-compatible collector (/v1/track, /v1/batch, ...)";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(
        ConfigProperty.builder("bounded", ConfigType.BOOLEAN).defaultValue("false")
            .description("end the run at the end of what was stored when it started").build(),
        ConfigProperty.builder("types", ConfigType.LIST)
            .description("comma-separated event types to keep (identify,track,...); empty: all").build());
  }

  @Override
  public SourceTask createTask(Config config) {
    return new CollectorSourceTask(log, json, node, config.bool("bounded"), config.list("types"));
  }
}
