/**
 * The {@code mqtt} connector: a source that subscribes to a topic filter and a sink that publishes to a
 * topic, one JSON object per message, with the Eclipse Paho MQTT 3.1.1 client.
 *
 * <p>Delivery: the source keeps a persistent session (clean session off, a client id stable per flow), so
 * the broker queues QoS 1 and 2 messages while the flow is stopped, and it acknowledges a message (PUBACK)
 * only when the host commits the batch that holds it; what was not acknowledged when a task stops is
 * delivered again (at-least-once). The broker bounds both: Mosquitto sends at most
 * {@code max_inflight_messages} unacknowledged messages at once and queues at most
 * {@code max_queued_messages} (default 1000) for a session, stopped or not: it drops what is beyond, so size it
 * above the largest burst. The sink returns from a write only when the broker
 * acknowledged every message.
 *
 * <p>Offsets: {@code <session>:<sequence>}, meaningful only to the connection that produced them; the
 * broker's session remembers what was acknowledged, so a resumed task ignores the stored offset.
 */
package io.cairn.connector.mqtt;
