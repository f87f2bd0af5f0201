package io.cairn.connector.http;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * The validated settings of one HTTP source.
 *
 * @param url the first page
 * @param recordsPointer where a page holds its records; empty for the page itself
 * @param nextPointer where a page holds the next page's URL, or null
 * @param bearerToken the token to send, or null
 * @param timeout the time one request may take
 */
record HttpSettings(URI url, String recordsPointer, String nextPointer, String bearerToken, Duration timeout) {
  static HttpSettings of(Config config) {
    URI url = uri(config.string(HttpSourceConnector.URL), "url");
    String records = config.string(HttpSourceConnector.RECORDS_POINTER);
    String next = config.string(HttpSourceConnector.NEXT_POINTER);
    pointer(records, HttpSourceConnector.RECORDS_POINTER);
    pointer(next, HttpSourceConnector.NEXT_POINTER);
    int seconds = config.integer(HttpSourceConnector.TIMEOUT_SECONDS);
    if (seconds <= 0) {
      throw problem("property 'timeoutSeconds' must be positive: " + seconds);
    }
    return new HttpSettings(url, records == null ? "" : records, next, config.string(HttpSourceConnector.BEARER_TOKEN),
        Duration.ofSeconds(seconds));
  }

  static URI uri(String text, String what) {
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw problem("property '" + what + "' must be an http or https URL: " + redact(text));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw problem("property '" + what + "' is not a URL: " + e.getReason());
    }
  }

  private static void pointer(String pointer, String name) {
    if (pointer != null && !pointer.isEmpty() && !pointer.startsWith("/")) {
      throw problem("property '" + name + "' must be a JSON Pointer starting with '/': " + pointer);
    }
  }

  /** A URL without its query, which may carry keys; for messages. */
  static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?...";
  }

  private static ConfigException problem(String message) {
    return new ConfigException(List.of(message));
  }
}
