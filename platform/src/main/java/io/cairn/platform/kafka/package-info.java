/** The embedded Kafka broker as a managed part of the server, with its health check. */
package io.cairn.platform.kafka;
