/**
 * JSON messages as rows, for the message connectors (rabbitmq, mqtt, kafka): {@link
 * io.cairn.connector.json.JsonMessages} turns one message (a JSON object) into a row, against declared columns
 * or columns inferred from the first message, and a row back into a JSON object. A library that each plugin
 * carries in its own {@code lib/}; it is not a plugin.
 */
package io.cairn.connector.json;
