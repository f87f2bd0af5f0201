/**
 * The {@code rabbitmq} connector: a source that consumes a queue and a sink that publishes to an exchange,
 * one JSON object per message, with the official RabbitMQ Java client.
 *
 * <p>Delivery: the source acknowledges a message only when the host commits the batch that holds it
 * ({@code basicAck} with {@code multiple} up to the batch's last delivery tag); messages not yet acknowledged
 * when a task stops go back to the queue and are delivered again (at-least-once). The sink publishes
 * persistent, mandatory messages on a channel in confirm mode and returns from a write only when the broker
 * confirmed every message; a message that no queue takes fails the write.
 *
 * <p>Offsets: {@code <session>:<delivery tag>}, meaningful only to the channel that produced them; the queue
 * itself remembers what was acknowledged, so a resumed task ignores the stored offset.
 */
package io.cairn.connector.rabbitmq;
