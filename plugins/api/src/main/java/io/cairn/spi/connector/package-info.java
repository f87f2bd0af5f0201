/**
 * Source and sink connector extension points. A connector plugin registers a {@link
 * io.cairn.spi.connector.SourceConnector} and/or {@link io.cairn.spi.connector.SinkConnector} as PF4J
 * extensions; a route reaches them as {@code cairn:source:<name>} and {@code cairn:sink:<name>} endpoints.
 */
package io.cairn.spi.connector;
