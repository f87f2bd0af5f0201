/**
 * Kafka to a governed Cairn flow to Kafka, beside a bare relay of the same records with the Kafka clients: events/s
 * over a backlog, and end-to-end latency (p50, p99) at a steady rate, both from one run on one embedded broker.
 */
package io.cairn.bench.kafka;
