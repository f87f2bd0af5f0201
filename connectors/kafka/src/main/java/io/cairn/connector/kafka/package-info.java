/**
 * The {@code kafka} connector: a source that consumes topics in a consumer group and a sink that produces to
 * a topic, one JSON object per record value, with the official Kafka client.
 *
 * <p>Delivery: the source never commits on its own (auto-commit off); it commits the group's offsets up to a
 * batch only when the host commits that batch, after every sink wrote it. What was not committed when a task
 * stops is read again by the next one (at-least-once); a sink that upserts by key makes that harmless. The
 * sink produces with {@code acks=all} and idempotence; a {@code write} returns, and a {@code send}'s stage
 * completes, only when every record of the batch was acknowledged, so the host can keep batches in flight and
 * still commit only acknowledged ones. Parallelism: tasks with the same group id share the topics' partitions,
 * and a source runs {@code consumers} consumers of its group (one by default) in one task, each polling and
 * decoding on its own thread ({@link io.cairn.connector.kafka.KafkaConsumersTask}).
 *
 * <p>Offsets: {@code topic:partition=next,...}, the positions after the batch. The group's committed offsets
 * are the ones that count; a stored offset only moves a partition forward when the group's is behind it.
 * A row's provenance offset is {@code topic/partition/offset}.
 */
package io.cairn.connector.kafka;
