package io.cairn.connector.http;

import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/** {@code cairn:source:http}: reads JSON records from a paged HTTP API. Stateless. */
@Extension
public final class HttpSourceConnector implements SourceConnector {
  static final String URL = "url";
  static final String RECORDS_POINTER = "recordsPointer";
  static final String NEXT_POINTER = "nextPointer";
  static final String BEARER_TOKEN = "bearerToken";
  static final String TIMEOUT_SECONDS = "timeoutSeconds";

  private static final ConfigDef CONFIG;

  static {
    List<ConfigProperty> properties = new ArrayList<>(List.of(
        ConfigProperty.builder(URL, ConfigType.STRING).required()
            .description("The first page's URL (http or https)")
            .build(),
        ConfigProperty.builder(RECORDS_POINTER, ConfigType.STRING).defaultValue("")
            .description("JSON Pointer to the array of records in a page, e.g. /data; empty: the page is the array")
            .build(),
        ConfigProperty.builder(NEXT_POINTER, ConfigType.STRING)
            .description("JSON Pointer to the next page's URL in a page, e.g. /links/next; none: one page only")
            .build(),
        ConfigProperty.builder(BEARER_TOKEN, ConfigType.STRING).secret()
            .description("A token sent as 'Authorization: Bearer ...'")
            .build(),
        ConfigProperty.builder(TIMEOUT_SECONDS, ConfigType.INT).defaultValue("30")
            .description("How long one request may take, in seconds")
            .build()));
    properties.addAll(JsonMessages.sourceProperties());
    CONFIG = ConfigDef.of(properties.toArray(ConfigProperty[]::new));
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public String description() {
    return "Reads JSON records from a paged HTTP API";
  }

  @Override
  public ConfigDef configDef() {
    return CONFIG;
  }

  @Override
  public SourceTask createTask(Config config) {
    return new HttpSourceTask(HttpSettings.of(config), JsonMessages.of(config));
  }
}
