package io.cairn.platform.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.FlowId;

/** How catalog types look in JSON (the catalog itself knows no Jackson): typed ids as plain strings. */
public final class CatalogJson {
  private CatalogJson() {}

  public static void register(ObjectMapper mapper) {
    mapper.addMixIn(FlowId.class, FlowIdJson.class);
  }

  /** A flow id is its value. */
  abstract static class FlowIdJson {
    @JsonValue
    abstract String value();
  }
}
