/**
 * An embedded Kafka broker: {@link io.cairn.kafka.broker.EmbeddedKafka} runs one real KRaft node (broker and
 * controller) in this JVM, for a single machine without a cluster and for tests.
 */
package io.cairn.kafka.broker;
