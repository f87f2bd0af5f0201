/**
 * The Segment-compatible event collector: {@code /v1/identify|track|page|screen|group|alias|batch|import}, a GA4
 * Measurement Protocol endpoint ({@code /mp/collect}) and a pixel ({@code /v1/pixel/<type>}), authenticated by
 * write keys (not user accounts), with CORS, limits and a rate limit per key. Accepted events are stamped and
 * forced into a write-ahead log before the answer, forwarded to Kafka when configured, and read by flows through
 * {@code cairn:source:collector}.
 */
package io.cairn.platform.collector;
